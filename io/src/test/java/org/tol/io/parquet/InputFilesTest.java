package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;

class InputFilesTest {
    private static Path touch(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1, 2, 3});
        return p;
    }

    @Test
    void directoriesAreListedRecursivelySortedAndSkipHiddenEntries(@TempDir Path dir) throws Exception {
        touch(dir.resolve("source=b/server=x/data_1.parquet"));
        touch(dir.resolve("source=a/server=y/data_2.parquet"));
        touch(dir.resolve("source=a/server=y/data_10.parquet"));
        touch(dir.resolve("source=a/_temporary/data_9.parquet"));
        touch(dir.resolve("source=a/.tmp-data.parquet"));
        touch(dir.resolve("source=a/notes.txt"));
        List<InputFile> files = InputFiles.resolve(List.of(dir.toString()));
        assertEquals(List.of("source=a/server=y/data_10.parquet", "source=a/server=y/data_2.parquet",
                        "source=b/server=x/data_1.parquet"),
                files.stream().map(f -> dir.relativize(f.path()).toString()).toList());
        assertEquals(Map.of("source", "a", "server", "y"), files.get(0).partitions());
        assertEquals(3, files.get(0).sizeBytes());
    }

    @Test
    void listFilesResolveRelativePathsAndNameBadLines(@TempDir Path dir) throws Exception {
        touch(dir.resolve("d/one.parquet"));
        Path list = dir.resolve("inputs.txt");
        Files.writeString(list, "# comment\nd/one.parquet\n\n");
        assertEquals(List.of(dir.resolve("d/one.parquet")),
                InputFiles.resolve(List.of(list.toString())).stream().map(InputFile::path).toList());
        Files.writeString(list, "d/one.parquet\nd/missing.parquet\n");
        TolException e = assertThrows(TolException.class, () -> InputFiles.resolve(List.of(list.toString())));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    /** A Parquet file shaped like the reference's --file_paths_parquet: one row per listed file. */
    private static Path pathParquet(Path file, List<String> paths, boolean withImage) throws Exception {
        List<org.tol.api.schema.Column> cols = new java.util.ArrayList<>(List.of(org.tol.api.schema.Column.string("path"),
                org.tol.api.schema.Column.int64("n_rows")));
        if (withImage) {
            cols.add(org.tol.api.schema.Column.binary("image"));
        }
        try (ParquetRowWriter w = ParquetRowWriter.create(file, cols)) {
            for (String p : paths) {
                Map<String, Object> row = new java.util.HashMap<>();
                row.put("path", p);
                row.put("n_rows", 1L);
                if (withImage) {
                    row.put("image", new byte[] {1});
                }
                w.write(row);
            }
            w.commit();
        }
        return file;
    }

    @Test
    void aParquetWithAPathColumnListsTheInputs(@TempDir Path dir) throws Exception {
        Path a = touch(dir.resolve("data/source=x/a.parquet"));
        Path b = touch(dir.resolve("data/b.parquet"));
        // absolute and list-relative entries, out of order and repeated: the result is the sorted set
        Path list = pathParquet(dir.resolve("lists/files.parquet"), List.of(b.toString(), "../data/source=x/a.parquet",
                b.toString()), false);
        List<InputFile> files = InputFiles.resolve(List.of(list.toString()));
        assertEquals(List.of(b, a).stream().sorted().toList(), files.stream().map(InputFile::path).toList());
        assertEquals(Map.of("source", "x"), files.stream().filter(f -> f.path().equals(a)).findFirst().orElseThrow()
                .partitions());
    }

    @Test
    void aParquetWithPathAndImageColumnsIsData(@TempDir Path dir) throws Exception {
        Path data = pathParquet(dir.resolve("images.parquet"), List.of("/nowhere/x.parquet"), true);
        assertEquals(List.of(data), InputFiles.resolve(List.of(data.toString())).stream().map(InputFile::path).toList());
        // a Parquet file without a path column (or not Parquet at all) is data as well
        Path junk = touch(dir.resolve("junk.parquet"));
        assertEquals(List.of(junk), InputFiles.resolve(List.of(junk.toString())).stream().map(InputFile::path).toList());
    }

    @Test
    void aMissingListedFileNamesTheRow(@TempDir Path dir) throws Exception {
        touch(dir.resolve("one.parquet"));
        Path list = pathParquet(dir.resolve("files.parquet"), List.of("one.parquet", "gone.parquet"), false);
        TolException e = assertThrows(TolException.class, () -> InputFiles.resolve(List.of(list.toString())));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("gone.parquet"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void missingInputIsAUsageError(@TempDir Path dir) {
        TolException e = assertThrows(TolException.class,
                () -> InputFiles.resolve(List.of(dir.resolve("nope").toString())));
        assertEquals(2, e.exitCode());
    }
}
