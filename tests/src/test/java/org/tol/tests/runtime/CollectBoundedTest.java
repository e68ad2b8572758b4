package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.collect.CollectBench;

/**
 * {@code tol collect} over the synthetic run {@code tol bench collect} makes (3 ranks, parts of 1,000 rows,
 * every 1,000th row an identical repeat of the row before it): rows come out once each, in plan order, with
 * the duplicates counted, and no spill files are left in OUT.
 */
class CollectBoundedTest {
    @TempDir Path tmp;

    @Test
    void duplicatesDroppedRowsInPlanOrderNothingLeftBehind() throws Exception {
        Path out = tmp.resolve("out");
        CollectBench.generate(out, 25_000, 1_000, 4, 3, 1_000);
        assertEquals(0, RuntimeHarness.tol(List.of("collect", out.toString())));
        Map<?, ?> summary = Json.mapper().readValue(out.resolve("summary.json").toFile(), Map.class);
        assertEquals(25_000, ((Number) summary.get("rows_read")).intValue());
        assertEquals(25, ((Number) summary.get("duplicate_uuids_identical")).intValue());
        assertEquals(0, ((Number) summary.get("duplicate_uuids_conflicting")).intValue());
        assertEquals(24_975, ((Number) summary.get("rows")).intValue());
        // rows 0, 997, 1994, ... (26 of them) are the synthetic bad rows; none of them is a dropped repeat
        assertEquals(Map.of("decode_error", 26, "ok", 24_949), summary.get("rows_by_status"));

        List<String> uuids = new ArrayList<>();
        try (ParquetRows r = ParquetRows.open(out.resolve("predictions.parquet"), List.of("uuid"))) {
            for (Row row = r.next(); row != null; row = r.next()) {
                uuids.add(row.string("uuid"));
            }
        }
        assertEquals(24_975, uuids.size());
        assertEquals(24_975, uuids.stream().distinct().count());
        // Plan order: the generator's row 1000 follows row 998 (row 999 repeated row 998 and was dropped).
        assertEquals(uuids.get(998 + 1), syntheticUuid(out, 1000));
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".collect-spill")), "spill left in OUT");
        }
    }

    private static String syntheticUuid(Path out, long row) throws Exception {
        Path one = out.resolveSibling("one");
        CollectBench.generate(one, row + 1, 1_000_000, 1, 1, 0);
        String last = null;
        try (Stream<Path> s = Files.walk(one.resolve("checkpoints_rank0"))) {
            Path part = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            try (ParquetRows r = ParquetRows.open(part, List.of("uuid"))) {
                for (Row x = r.next(); x != null; x = r.next()) {
                    last = x.string("uuid");
                }
            }
        }
        return last;
    }
}
