package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.Manifests;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartRecord;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.io.parquet.WriterOptions;

/**
 * The output directory as a verified record: what changes between runs (inputs rewritten, added, moved) and
 * damage to OUT itself (parts deleted or truncated, torn manifest lines, damaged plan) never loses or
 * duplicates a row; every case is finished and collected, then compared with a fresh run row for row.
 */
class OutputRecordTest {
    @TempDir Path tmp;

    private List<String> args(Path in, Path out) {
        return RuntimeHarness.filterArgs(in, out);
    }

    @Test
    void aPartlyProcessedInputRewrittenWithOtherRowOrderIsRefusedThenRedoneWithReplan() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Path out = tmp.resolve("out");
        RuntimeHarness.interruptAfterParts(out, in, 1, 6);
        // Every big file rewritten with its rows reversed: same uuids and images, other row order and footer.
        List<Path> rewritten = new ArrayList<>();
        try (var files = Files.walk(in.resolve("big"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
                reverseRows(f);
                rewritten.add(f);
            }
        }
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("fresh"));

        RuntimeHarness.Run refused = RuntimeHarness.tolCapture(args(in, out));
        assertEquals(ExitCodes.USAGE, refused.code(), refused.err());
        assertTrue(refused.err().contains("changed since they were planned")
                && refused.err().contains(in.relativize(rewritten.get(0)).toString()), refused.err());
        assertTrue(refused.err().contains("--replan"), refused.err());

        List<String> replan = args(in, out);
        replan.add("--replan");
        assertEquals(0, RuntimeHarness.tol(replan));
        assertEquals(expected, RuntimeHarness.collect(out));
        assertEquals(0, RuntimeHarness.tol(List.of("verify", out.toString())), "nothing left stale or missing");
    }

    @Test
    void addedFilesArePlannedAndAMovedInputDirectoryResumes() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Path out = tmp.resolve("out");
        assertEquals(0, RuntimeHarness.tol(args(in, out)));
        TinySample.write(in.resolve("late"), 2, 10, 16, 40, 9, 0, 99);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("fresh"));

        assertEquals(0, RuntimeHarness.tol(args(in, out)), "the added files are planned too");
        assertEquals(expected, RuntimeHarness.collect(out));

        Path moved = tmp.resolve("moved-in");
        Files.move(in, moved);
        long partsBefore = RuntimeHarness.committedParts(out);
        assertEquals(0, RuntimeHarness.tol(args(moved, out)), "same files at a new path resume");
        assertEquals(partsBefore, RuntimeHarness.committedParts(out), "nothing was redone");
        assertEquals(expected, RuntimeHarness.collect(out));
        assertTrue(Files.readString(out.resolve("run.json")).contains(moved.toString()), "the plan follows the move");
    }

    @Test
    void aMissingInputIsRefusedNamingIt() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Path out = tmp.resolve("out");
        assertEquals(0, RuntimeHarness.tol(args(in, out)));
        Path gone = in.resolve("small/source=s1/data_0001.parquet");
        Files.delete(gone);
        RuntimeHarness.Run r = RuntimeHarness.tolCapture(args(in, out));
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("missing: small/source=s1/data_0001.parquet"), r.err());
        RuntimeHarness.Run v = RuntimeHarness.tolCapture(List.of("verify", out.toString()));
        assertEquals(ExitCodes.INCOMPLETE, v.code(), v.out());
        assertTrue(v.out().contains("input missing"), v.out());
    }

    @Test
    void aDeletedAndATruncatedPartAreRedoneFromTheLastGoodPart() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("fresh"));
        Path out = tmp.resolve("out");
        assertEquals(0, RuntimeHarness.tol(args(in, out)));
        List<PartRecord> parts = Manifests.read(new OutLayout(out).manifest(0));
        Path dir = new OutLayout(out).checkpointDir(0);
        PartRecord deleted = parts.get(3);
        PartRecord truncated = parts.get(parts.size() - 2);
        Files.delete(dir.resolve(deleted.part()));
        try (var ch = java.nio.channels.FileChannel.open(dir.resolve(truncated.part()), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        RuntimeHarness.Run v = RuntimeHarness.tolCapture(List.of("verify", out.toString(), "--json"));
        assertEquals(ExitCodes.INCOMPLETE, v.code(), v.out());
        assertTrue(v.out().contains(deleted.part()) && v.out().contains("missing"), v.out());
        assertTrue(v.out().contains(truncated.part()) && v.out().contains("size"), v.out());
        RuntimeHarness.Run status = RuntimeHarness.tolCapture(List.of("status", out.toString()));
        // status exits 3 (incomplete) like collect: the damaged units are not done (issue 15's status exit codes)
        assertEquals(ExitCodes.INCOMPLETE, status.code(), status.out());
        assertTrue(status.out().contains("damaged part"), status.out());
        assertEquals(ExitCodes.INCOMPLETE, RuntimeHarness.tolCapture(List.of("collect", out.toString())).code(),
                "collect and status agree: the damaged units are missing");

        assertEquals(0, RuntimeHarness.tol(args(in, out)), "the rerun redoes what the damaged parts held");
        assertEquals(expected, RuntimeHarness.collect(out));
        assertEquals(0, RuntimeHarness.tol(List.of("verify", out.toString())));
    }

    @Test
    void tornManifestLinesAreToleratedByEveryReader() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("fresh"));
        Path out = tmp.resolve("out");
        RuntimeHarness.interruptAfterParts(out, in, 1, 5);
        Path manifest = new OutLayout(out).manifest(0);
        // A torn write in the middle (closed by the next append) and a torn last line.
        Files.writeString(manifest, "{\"unit\":\"big/source=s0/da", StandardOpenOption.APPEND);
        AppendLog.append(manifest, "{\"unit\":\"x\",\"part\":\"part-x-r0.parquet\",\"firstRow\":0,\"endRow\":3,\"last\":true}");
        Files.writeString(manifest, "{\"unit\":\"big/sou", StandardOpenOption.APPEND);

        assertEquals(0, RuntimeHarness.tol(args(in, out)));
        Files.writeString(manifest, "\n{\"garbage", StandardOpenOption.APPEND);
        assertEquals(0, RuntimeHarness.tol(args(in, out)), "a rerun on a done OUT (predictions rewritten) too");
        assertEquals(0, RuntimeHarness.tolCapture(List.of("status", out.toString())).code());
        assertEquals(expected, RuntimeHarness.collect(out));
        assertEquals(expected, RuntimeHarness.readRankPredictions(out));
    }

    @Test
    void nullUuidsAreCountedAndDamagedFilesGiveOneLineErrors() throws Exception {
        Path in = tmp.resolve("in");
        long rows = TinySample.write(in, 2, 12, 16, 30, 5, 0, 7).rows();
        Path withNulls = in.resolve("nulls/data.parquet");
        writeWithNullUuids(in.resolve("source=s0/data_0000.parquet"), withNulls, 3);
        rows += 12;
        Path out = tmp.resolve("out");
        assertEquals(0, RuntimeHarness.tol(args(in, out)));
        RuntimeHarness.Run c = RuntimeHarness.tolCapture(List.of("collect", out.toString(), "--json"));
        assertEquals(0, c.code(), c.err());
        // 12 uuids of the copy repeat the first file's (identical rows, dropped); its 3 null uuids stay.
        assertTrue(c.out().contains("\"rows\" : " + (rows - 12 + 3)), c.out());
        assertTrue(c.out().contains("\"rows_null_uuid\" : 3"), c.out());
        long written = 0;
        try (ParquetRows r = ParquetRows.open(out.resolve("predictions.parquet"), List.of("uuid"))) {
            for (Row row = r.next(); row != null; row = r.next()) {
                written++;
            }
        }
        assertEquals(rows - 12 + 3, written);

        Files.writeString(out.resolve("stats/rank0.json"), "{\"rank\": \"zero\"}");
        assertEquals(0, RuntimeHarness.tolCapture(List.of("status", out.toString())).code(), "a foreign stats file is skipped");
        Files.writeString(out.resolve("run.json"), "{\"filter\": \"image-st");
        for (String cmd : List.of("collect", "status", "verify")) {
            RuntimeHarness.Run r = RuntimeHarness.tolCapture(List.of(cmd, out.toString()));
            assertEquals(ExitCodes.FAILURE, r.code(), cmd + ": " + r.err());
            assertTrue(r.err().startsWith("tol: error: ") && r.err().contains("run.json is damaged"), cmd + ": " + r.err());
            assertFalse(r.err().contains("\tat "), cmd + " printed a stack trace: " + r.err());
        }
    }

    /** Rewrites a sample file with its rows in reverse order (same row-group size). */
    private static void reverseRows(Path file) throws Exception {
        List<Map<String, Object>> rows = readSample(file);
        java.util.Collections.reverse(rows);
        writeSample(file, rows);
    }

    /** Copies {@code src} to {@code dst} with the first {@code nulls} uuids set to null. */
    private static void writeWithNullUuids(Path src, Path dst, int nulls) throws Exception {
        List<Map<String, Object>> rows = readSample(src);
        for (int i = 0; i < nulls; i++) {
            rows.get(i).put("uuid", null);
        }
        Files.createDirectories(dst.getParent());
        writeSample(dst, rows);
    }

    private static final List<Column> SAMPLE = List.of(Column.string("uuid"), Column.binary("image"),
            new Column("original_size", ColumnType.listOf(ColumnType.Primitive.INT64)),
            new Column("resized_size", ColumnType.listOf(ColumnType.Primitive.INT64)));

    private static List<Map<String, Object>> readSample(Path file) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ParquetRows r = ParquetRows.open(file, SAMPLE.stream().map(Column::name).toList())) {
            for (Row row = r.next(); row != null; row = r.next()) {
                Map<String, Object> m = new HashMap<>();
                m.put("uuid", row.string("uuid"));
                m.put("image", row.binary("image"));
                m.put("original_size", toList(row.longs("original_size")));
                m.put("resized_size", toList(row.longs("resized_size")));
                rows.add(m);
            }
        }
        return rows;
    }

    private static void writeSample(Path file, List<Map<String, Object>> rows) throws Exception {
        Path tmpFile = file.resolveSibling(file.getFileName() + ".new");
        try (ParquetRowWriter w = ParquetRowWriter.create(tmpFile, SAMPLE, WriterOptions.defaults().withRowGroupRows(9))) {
            for (Map<String, Object> r : rows) {
                w.write(r);
            }
            w.commit();
        }
        Files.move(tmpFile, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Long> toList(long[] v) {
        List<Long> out = new ArrayList<>();
        for (long x : v) {
            out.add(x);
        }
        return out;
    }
}
