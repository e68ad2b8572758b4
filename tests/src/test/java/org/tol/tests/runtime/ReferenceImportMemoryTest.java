package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.checkpoint.Manifests;
import org.tol.checkpoint.PartRecord;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * The import of a reference run larger than the heap: 200k input rows, 175k reference rows (125k uuids) in
 * cumulative checkpoints and a predictions file, imported by a JVM with {@code -Xmx64m} (the first version,
 * which held the rows in maps, runs out of heap here). The parts hold exactly the expected rows at the right positions, newest file
 * winning, joined one input file at a time ({@code tol.import.batchRows}); an import cut short (no {@code import.json}, stray files left) is redone to the same parts.
 */
class ReferenceImportMemoryTest {
    private static final int FILES = 4;
    private static final int ROWS = 50_000;

    @TempDir Path tmp;

    @Test
    void aLargeReferenceRunIsImportedWithASmallHeapAndAgainAfterACutShortImport() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (int f = 0; f < FILES; f++) {
            try (ParquetRowWriter w = ParquetRowWriter.create(in.resolve("data_" + f + ".parquet"),
                    List.of(Column.string("uuid")))) {
                for (int r = 0; r < ROWS; r++) {
                    w.write(Map.of("uuid", uuid(f, r)));
                }
                w.commit();
            }
        }
        Path out = tmp.resolve("out");
        Map<String, Map<String, Object>> expected = new HashMap<>();
        // Rank 0 (uuid): checkpoint 1000 holds file 0 with values a later checkpoint replaces; 2000 holds file 0
        // and the first half of file 1, without every 1000th row (rows the reference could not decode); 3000 is
        // torn by the crash.
        List<Map<String, Object>> cp1 = new ArrayList<>();
        List<Map<String, Object>> cp2 = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            cp1.add(ref("uuid", uuid(0, r), "old", -1.0));
            if (r % 1000 == 7) { // in no newer file: the older row counts
                expected.put(uuid(0, r), okRow("old", -1.0));
            }
        }
        for (int f = 0; f < 2; f++) {
            for (int r = 0; r < (f == 0 ? ROWS : ROWS / 2); r++) {
                if (r % 1000 != 7) {
                    cp2.add(expect(expected, "uuid", f, r));
                }
            }
        }
        write(out.resolve("checkpoints_rank0/checkpoint_001000.parquet"), "uuid", cp1);
        write(out.resolve("checkpoints_rank0/checkpoint_002000.parquet"), "uuid", cp2);
        Files.write(out.resolve("checkpoints_rank0/checkpoint_003000.parquet"), new byte[] {'P', 'A', 'R', '1', 9});
        // Rank 1 (img_id, as MegaDetector names it) finished: its predictions hold all of file 2.
        List<Map<String, Object>> pred = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            pred.add(expect(expected, "img_id", 2, r));
        }
        write(out.resolve("predictions_rank1.parquet"), "img_id", pred);

        assertEquals(0, importWithSmallHeap(out, in));
        assertSame(expected, importedRows(out));
        assertFalse(Files.exists(out.resolve("locks/import-tmp")), "DuckDB's files are removed");
        List<PartRecord> parts = Manifests.read(out.resolve("checkpoints_import/manifest.jsonl"));

        // An import cut short: parts without import.json, and what DuckDB had spilled. It is done again.
        Files.delete(out.resolve("checkpoints_import/import.json"));
        Files.writeString(out.resolve("checkpoints_import/part-stray.parquet"), "cut short");
        Files.createDirectories(out.resolve("locks/import-tmp/spill"));
        Files.writeString(out.resolve("locks/import-tmp/spill/junk.tmp"), "cut short");
        assertEquals(0, importWithSmallHeap(out, in));
        assertFalse(Files.exists(out.resolve("checkpoints_import/part-stray.parquet")));
        assertEquals(parts, Manifests.read(out.resolve("checkpoints_import/manifest.jsonl")),
                "the same parts, byte for byte (size and crc32c)");
        String summary = Files.readString(out.resolve("checkpoints_import/import.json"));
        assertTrue(summary.contains("\"reference_rows\" : " + expected.size()), summary);
        assertTrue(summary.contains("\"units_complete\" : 2"), summary);
        assertTrue(summary.contains("\"units_partly\" : 1"), summary);
    }

    /** Equal maps, or a message with the first few differences (the maps are too big to print). */
    private static void assertSame(Map<String, Map<String, Object>> expected, Map<String, Map<String, Object>> actual) {
        List<String> diff = new ArrayList<>();
        for (String k : expected.keySet()) {
            if (!expected.get(k).equals(actual.get(k)) && diff.size() < 5) {
                diff.add(k + ": expected " + expected.get(k) + ", imported " + actual.get(k));
            }
        }
        for (String k : actual.keySet()) {
            if (!expected.containsKey(k) && diff.size() < 10) {
                diff.add(k + ": not expected, imported " + actual.get(k));
            }
        }
        assertTrue(diff.isEmpty(), expected.size() + " expected, " + actual.size() + " imported; " + diff);
    }

    private int importWithSmallHeap(Path out, Path in) throws Exception {
        Path log = tmp.resolve("import.log");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dtol.import.memory=256MB", "-Dtol.import.threads=1",
                "-Dtol.import.batchRows=60000",
                "-cp", RuntimeHarness.classPath(), ReferenceImportMain.class.getName(), out.toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "import did not end: " + RuntimeHarness.tail(log));
        assertEquals(0, p.exitValue(), RuntimeHarness.tail(log));
        return p.exitValue();
    }

    /** Every imported row by uuid; checks that each part's rows are the input rows its record names. */
    private static Map<String, Map<String, Object>> importedRows(Path out) throws Exception {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        List<String> names = ReferenceImportMain.COLUMNS.stream().map(Column::name).toList();
        for (PartRecord rec : Manifests.read(out.resolve("checkpoints_import/manifest.jsonl"))) {
            int file = Integer.parseInt(rec.unit().replaceAll("\\D", "")); // data_F.parquet
            long row = rec.firstRow();
            try (ParquetRows r = ParquetRows.open(out.resolve("checkpoints_import").resolve(rec.part()), names)) {
                for (Row x = r.next(); x != null; x = r.next(), row++) {
                    assertEquals(uuid(file, row), x.string("uuid"), rec.toString());
                    Map<String, Object> m = new HashMap<>();
                    for (String n : List.of("pred_label", "pred_score", "n_faces", "status", "error")) {
                        m.put(n, x.value(n));
                    }
                    assertTrue(rows.put(x.string("uuid"), m) == null, "one row per uuid");
                }
            }
            assertEquals(rec.endRow(), row, rec.toString());
            assertEquals(rec.endRow() == ROWS, rec.last(), rec.toString());
        }
        return rows;
    }

    private static String uuid(int file, long row) {
        return String.format("%08d-0000-4000-8000-%012d", file, row); // as long as a real uuid
    }

    private static Map<String, Object> ref(String idName, String uuid, String label, double score) {
        return Map.of(idName, uuid, "pred_label", label, "pred_score", score);
    }

    private static Map<String, Object> expect(Map<String, Map<String, Object>> expected, String idName, int f, int r) {
        String label = "L" + (r % 7);
        double score = r / 1024.0;
        expected.put(uuid(f, r), okRow(label, score));
        return ref(idName, uuid(f, r), label, score);
    }

    /** An imported row: the reference's values, status ok, tol's other columns null. */
    private static Map<String, Object> okRow(String label, double score) {
        Map<String, Object> m = new HashMap<>();
        m.put("pred_label", label);
        m.put("pred_score", score);
        m.put("n_faces", null);
        m.put("status", "ok");
        m.put("error", null);
        return m;
    }

    private static void write(Path file, String idName, List<Map<String, Object>> rows) throws Exception {
        Files.createDirectories(file.getParent());
        try (ParquetRowWriter w = ParquetRowWriter.create(file,
                List.of(Column.string(idName), Column.string("pred_label"), Column.float64("pred_score")))) {
            for (Map<String, Object> r : rows) {
                w.write(r);
            }
            w.commit();
        }
    }
}
