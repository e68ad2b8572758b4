package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;

class ProjectionAndMemoryTest {
    static final List<Column> COLUMNS = List.of(Column.string("uuid"), Column.binary("image"));

    /** Incompressible image cells, so the file's size is really its image bytes. */
    static void writeImages(Path file, int rows, int cellBytes, int rowsPerGroup) throws Exception {
        Random rnd = new Random(1);
        try (ParquetRowWriter w = ParquetRowWriter.create(file, COLUMNS, WriterOptions.defaults()
                .withRowGroupRows(rowsPerGroup))) {
            byte[] cell = new byte[cellBytes];
            for (int i = 0; i < rows; i++) {
                rnd.nextBytes(cell);
                w.write(Map.of("uuid", "row-" + i, "image", cell));
            }
            w.commit();
        }
    }

    @Test
    void projectionReallySkipsTheImageColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("imgs.parquet");
        writeImages(file, 40, 200_000, 10);
        long size = Files.size(file);
        long uuidOnly;
        try (ParquetRows rows = ParquetRows.open(file, List.of("uuid"))) {
            int n = 0;
            while (rows.next() != null) {
                n++;
            }
            assertEquals(40, n);
            uuidOnly = rows.bytesRead();
        }
        long withImage;
        try (ParquetRows rows = ParquetRows.open(file, List.of("uuid", "image"))) {
            while (rows.next() != null) {
                // read everything
            }
            withImage = rows.bytesRead();
        }
        assertTrue(uuidOnly < size / 100, "uuid-only read " + uuidOnly + " of " + size + " bytes");
        assertTrue(withImage > size * 9 / 10, "full read only " + withImage + " of " + size + " bytes");
    }

    /**
     * A 192 MB file of 6 row groups read in a JVM capped at 128 MB heap: it succeeds only if the reader
     * holds about one row group (32 MB) at a time, never the file.
     */
    @Test
    void memoryStaysAtOneRowGroupOnALargeFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.parquet");
        writeImages(file, 96, 2_000_000, 16);
        assertEquals(6, ParquetFileInfo.read(file).rowGroups().size());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ReadAllMain.class.getName(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        int rc = p.waitFor();
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, rc, "child JVM failed:\n" + log);
        assertTrue(log.contains("rows=96"), log);
    }

    /** Child-process entry point for the memory test. */
    public static final class ReadAllMain {
        public static void main(String[] args) throws Exception {
            long rows = 0;
            long bytes = 0;
            try (ParquetRows r = ParquetRows.open(new File(args[0]).toPath(), List.of("uuid", "image"))) {
                for (Row row = r.next(); row != null; row = r.next()) {
                    rows++;
                    bytes += row.binary("image").length;
                }
            }
            System.out.println("rows=" + rows + " bytes=" + bytes);
        }
    }
}
