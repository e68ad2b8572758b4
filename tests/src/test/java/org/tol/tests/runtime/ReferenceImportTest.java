package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.exec.StopFlag;

/**
 * An output directory in the reference pipeline's exact format (what {@code run_*_distributed.py} leaves after
 * a crash: {@code logs/processed_files_rank{R}.log} with paths as {@code rglob} printed them, cumulative
 * {@code checkpoints_rank{R}/checkpoint_{batch:06d}.parquet}, a final {@code predictions_rank{R}.parquet}),
 * resumed by tol with another rank count: the reference's rows are imported, the rest is processed, nothing
 * of the reference is overwritten, and the collected result equals a fresh run's.
 */
class ReferenceImportTest {
    @TempDir Path tmp;

    @Test
    void aReferenceRunIsImportedAndFinishedToTheResultOfAFreshRun() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Path fresh = tmp.resolve("fresh");
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, fresh);
        List<Column> refColumns = new ArrayList<>();
        for (Column c : ParquetFileInfo.read(fresh.resolve("predictions.parquet")).columns()) {
            if (!List.of("status", "error").contains(c.name())) {
                refColumns.add(c); // what a reference script for this filter writes: uuid + the result columns
            }
        }
        List<Path> files;
        try (var s = Files.walk(in)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        Path out = tmp.resolve("out");
        Path logs = out.resolve("logs");
        Files.createDirectories(logs);
        // Rank 0 logged three files (target dir given relatively, and absolute with a doubled slash), saved them
        // and five rows of a fourth in checkpoint 2, and crashed while writing checkpoint 3.
        Files.writeString(logs.resolve("processed_files_rank0.log"), "../scratch/in/" + in.relativize(files.get(0)) + "\n"
                + "../scratch/in/./" + in.relativize(files.get(1)) + "\n" + in + "//" + in.relativize(files.get(2)) + "\n");
        Path cp0 = out.resolve("checkpoints_rank0");
        writeRef(cp0.resolve("checkpoint_000001.parquet"), refColumns, "uuid", rows(expected, files.subList(0, 1), -1));
        List<Map<String, Object>> two = rows(expected, files.subList(0, 3), -1);
        two.addAll(rows(expected, files.subList(3, 4), 5));
        writeRef(cp0.resolve("checkpoint_000002.parquet"), refColumns, "uuid", two);
        Files.write(cp0.resolve("checkpoint_000003.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 1, 2});
        // Rank 1 (MegaDetector style: img_id) logged three files but saved only two of them: the reference logs a
        // file when its loader has read it, not when its predictions are saved.
        Files.writeString(logs.resolve("processed_files_rank1.log"), "in/" + in.relativize(files.get(6)) + "\nin/"
                + in.relativize(files.get(7)) + "\nin/" + in.relativize(files.get(8)) + "\n");
        writeRef(out.resolve("checkpoints_rank1/checkpoint_000001.parquet"), refColumns, "img_id",
                rows(expected, files.subList(6, 7), -1));
        writeRef(out.resolve("predictions_rank1.parquet"), refColumns, "img_id", rows(expected, files.subList(6, 8), -1));
        Map<Path, byte[]> reference = new LinkedHashMap<>();
        try (var s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                reference.put(out.relativize(f), Files.readAllBytes(f));
            }
        }

        int[] codes = RuntimeHarness.runThreads(RuntimeHarness.config(in, out), 3, new StopFlag());
        assertEquals("[0, 0, 0]", java.util.Arrays.toString(codes));

        for (Map.Entry<Path, byte[]> e : reference.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve("reference-run").resolve(e.getKey())),
                    "the reference's " + e.getKey() + " is kept unchanged");
        }
        String summary = Files.readString(out.resolve("checkpoints_import/import.json"));
        Map<?, ?> imported = org.tol.io.json.Json.mapper().readValue(summary, Map.class);
        long referenceRows = rows(expected, files.subList(0, 3), -1).size() + rows(expected, files.subList(3, 4), 5).size()
                + rows(expected, files.subList(6, 8), -1).size();
        assertEquals(referenceRows, ((Number) imported.get("reference_rows")).longValue(), summary);
        assertEquals(referenceRows, ((Number) imported.get("rows_imported")).longValue(),
                "every reference row is imported, also those after a row the reference skipped: " + summary);
        assertTrue(summary.contains(in.relativize(files.get(8)).toString()), "logged but unsaved is redone: " + summary);
        assertTrue(summary.contains("\"log_lines_unmatched\" : [ ]"), "every log line matched a file: " + summary);

        RuntimeHarness.Run status = RuntimeHarness.tolCapture(List.of("status", out.toString(), "--json"));
        assertTrue(status.out().contains("\"units_failed\" : 0"), status.out());
        int units = Files.readString(out.resolve("run.json")).split("\"firstRowGroup\"").length - 1;
        assertTrue(status.out().contains("\"units_done\" : " + units), "status and collect agree: " + status.out());
        assertEquals(expected, RuntimeHarness.collect(out));
        assertEquals(expected, RuntimeHarness.readRankPredictions(out));
        assertEquals(0, RuntimeHarness.tol(List.of("verify", out.toString())));
    }

    /** The ok rows of {@code files} in file order (the reference skips rows it cannot decode); first n if n >= 0. */
    private static List<Map<String, Object>> rows(Map<String, Map<String, Object>> expected, List<Path> files, int n)
            throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : files) {
            int taken = 0;
            try (ParquetRows r = ParquetRows.open(f, List.of("uuid"))) {
                for (Row row = r.next(); row != null && (n < 0 || taken < n); row = r.next(), taken++) {
                    Map<String, Object> m = expected.get(row.string("uuid"));
                    if ("ok".equals(m.get("status"))) {
                        out.add(new HashMap<>(m));
                    }
                }
            }
        }
        return out;
    }

    private static void writeRef(Path file, List<Column> columns, String idName, List<Map<String, Object>> rows)
            throws Exception {
        Files.createDirectories(file.getParent());
        List<Column> cols = columns.stream().map(c -> c.name().equals("uuid") ? Column.string(idName) : c).toList();
        try (ParquetRowWriter w = ParquetRowWriter.create(file, cols)) {
            for (Map<String, Object> r : rows) {
                Map<String, Object> m = new HashMap<>();
                for (Column c : cols) {
                    m.put(c.name(), r.get(c.name()));
                }
                m.put(idName, r.get("uuid"));
                w.write(m);
            }
            w.commit();
        }
    }
}
