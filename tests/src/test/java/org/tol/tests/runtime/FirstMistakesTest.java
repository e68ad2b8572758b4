package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.cli.TolCommand;
import org.tol.io.parquet.ParquetRowWriter;
import picocli.CommandLine;

/**
 * What a new user gets wrong first, and the answer tol must give: Parquet with other column names, an
 * attributes table next to the images, a wrong --input or --output, launch without "--", -q with --log-file.
 */
class FirstMistakesTest {
    @TempDir Path tmp;

    /** Runs tol in this JVM; returns the exit code and what it printed on stderr. */
    private record Ran(int code, String err) {}

    private static Ran tol(String... args) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Ran(cl.execute(args), err.toString());
    }

    @Test
    void anAttributesTableInsideTheInputDirectoryIsSkippedNotReadAsImages() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.Written images = TinySample.write(in.resolve("images"), 2, 6, 16, 24, 3, 0, 5);
        Path attributes = in.resolve("attributes/taxonomy.parquet");
        writeAttributes(attributes, images.rows());
        Path out = tmp.resolve("out");
        assertEquals(0, RuntimeHarness.tol(RuntimeHarness.filterArgs(in, out)));
        Map<String, Map<String, Object>> rows = RuntimeHarness.collect(out);
        assertEquals(images.rows(), rows.size());
        assertTrue(rows.values().stream().allMatch(r -> "ok".equals(r.get("status"))), rows.toString());

        // Named explicitly, the same table is a usage error naming its columns, and nothing is created.
        Path out2 = tmp.resolve("out2");
        Ran r = tol("filter", "image-stats", "--input", attributes.toString(), "--output", out2.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("has no image column 'image'; its columns are [uuid, kingdom, species]"), r.err());
        assertTrue(r.err().contains("--image-column"), r.err());
        assertFalse(Files.exists(out2), "created " + out2);
    }

    @Test
    void img2datasetStyleParquetNeedsItsColumnNamesAndThenRuns() throws Exception {
        Path file = tmp.resolve("in/00000.parquet");
        Files.createDirectories(file.getParent());
        try (ParquetRowWriter w = ParquetRowWriter.create(file,
                List.of(Column.string("key"), Column.binary("jpg"), Column.string("caption")))) {
            for (int i = 0; i < 5; i++) {
                w.write(Map.of("key", String.format("%09d", i), "jpg", jpeg(20 + i, 16), "caption", "a photo " + i));
            }
            w.commit();
        }
        Path out = tmp.resolve("out");
        Ran r = tol("filter", "image-stats", "--input", file.toString(), "--output", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("has no image column 'image'; its columns are [key, jpg, caption]"), r.err());
        assertFalse(Files.exists(out));

        assertEquals(0, tol("filter", "image-stats", "--input", file.toString(), "--output", out.toString(),
                "--image-column", "jpg", "--id-column", "key").code());
        Map<String, Map<String, Object>> rows = RuntimeHarness.collect(out);
        assertEquals(new TreeSet<>(List.of("000000000", "000000001", "000000002", "000000003", "000000004")),
                rows.keySet());
        for (Map<String, Object> row : rows.values()) {
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals(16, ((Number) row.get("height")).intValue());
        }
        // The column names are part of the run: the same names resume, another id column is refused.
        assertEquals(0, tol("filter", "image-stats", "--input", file.toString(), "--output", out.toString(),
                "--image-column", "jpg", "--id-column", "key").code());
        Ran other = tol("filter", "image-stats", "--input", file.toString(), "--output", out.toString(),
                "--image-column", "jpg", "--id-column", "caption");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("with different parameters: idColumn: stored key, now caption"), other.err());
    }

    @Test
    void defaultColumnsResumeAndAnotherIdColumnIsRefused() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.write(in, 1, 4, 16, 24, 3, 0, 5);
        Path out = tmp.resolve("out");
        assertEquals(0, RuntimeHarness.tol(RuntimeHarness.filterArgs(in, out)));
        // An OUT made with the default names records none of them (as before the options existed): it resumes.
        assertFalse(Files.readString(out.resolve("run.json")).contains("idColumn"));
        assertEquals(0, RuntimeHarness.tol(RuntimeHarness.filterArgs(in, out)));
        Ran r = tol(RuntimeHarness.withOption(RuntimeHarness.filterArgs(in, out), "--id-column", "id")
                .toArray(new String[0]));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("with different parameters: idColumn: stored (none), now id"), r.err());
    }

    @Test
    void huggingFaceImageStructsAreReadFromTheirBytesField() throws Exception {
        Path file = tmp.resolve("hf/train-00000.parquet");
        Files.createDirectories(file.getParent());
        Column image = new Column("image", org.tol.api.schema.ColumnType.structOf(Column.binary("bytes"),
                Column.string("path")));
        try (ParquetRowWriter w = ParquetRowWriter.create(file, List.of(Column.string("id"), image))) {
            for (int i = 0; i < 3; i++) {
                w.write(Map.of("id", "hf-" + i, "image", Map.of("bytes", jpeg(10 + i, 12), "path", i + ".jpg")));
            }
            w.commit();
        }
        Path out = tmp.resolve("out");
        assertEquals(0, tol("filter", "image-stats", "--input", file.toString(), "--output", out.toString(),
                "--id-column", "id").code());
        Map<String, Map<String, Object>> rows = RuntimeHarness.collect(out);
        assertEquals(new TreeSet<>(List.of("hf-0", "hf-1", "hf-2")), rows.keySet());
        assertEquals(11, ((Number) rows.get("hf-1").get("width")).intValue());
        assertTrue(rows.values().stream().allMatch(r -> "ok".equals(r.get("status"))), rows.toString());
    }

    @Test
    void wrongInputOrOutputOrLaunchWithoutDoubleDashAreUsageErrorsThatCreateNothing() throws Exception {
        Path out = tmp.resolve("out");
        Ran r = tol("filter", "image-stats", "--input", tmp.resolve("no-such-dir").toString(), "--output", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("input not found"), r.err());
        assertFalse(Files.exists(out), "a wrong --input created " + out);

        Path in = tmp.resolve("in");
        TinySample.write(in, 1, 3, 16, 20, 3, 0, 1);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        r = tol("filter", "image-stats", "--input", in.toString(), "--output", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is a file, not a directory"), r.err());

        r = tol("launch", "--local", "2", "filter", "image-stats", "--input", in.toString(), "--output", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("put '--' between launch's options and the command"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void quietWithALogFileStillLogsToTheFile() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.write(in, 1, 3, 16, 20, 3, 0, 1);
        Path log = tmp.resolve("tol.log");
        List<String> args = new ArrayList<>(List.of("-q", "--log-file", log.toString()));
        args.addAll(RuntimeHarness.filterArgs(in, tmp.resolve("out")));
        // A child JVM: logging options are process-wide.
        Process p = RuntimeHarness.startRank(0, 1, args, tmp.resolve("console.txt"));
        assertEquals(0, RuntimeHarness.waitFor(p, 120), RuntimeHarness.tail(tmp.resolve("console.txt")));
        String file = Files.readString(log);
        assertTrue(file.contains("INFO") && file.contains("planned"), "log file:\n" + file);
        assertFalse(Files.readString(tmp.resolve("console.txt")).contains("INFO"),
                "-q printed INFO lines:\n" + Files.readString(tmp.resolve("console.txt")));
    }

    private static void writeAttributes(Path file, long rows) throws Exception {
        Files.createDirectories(file.getParent());
        try (ParquetRowWriter w = ParquetRowWriter.create(file,
                List.of(Column.string("uuid"), Column.string("kingdom"), Column.string("species")))) {
            for (long i = 0; i < rows; i++) {
                w.write(Map.of("uuid", "attr-" + i, "kingdom", "Animalia", "species", "sp" + i));
            }
            w.commit();
        }
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, (x * 10) << 16 | (y * 12) << 8 | 90);
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "jpg", b));
        return b.toByteArray();
    }
}
