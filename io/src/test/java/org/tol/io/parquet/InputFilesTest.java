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

    @Test
    void missingInputIsAUsageError(@TempDir Path dir) {
        TolException e = assertThrows(TolException.class,
                () -> InputFiles.resolve(List.of(dir.resolve("nope").toString())));
        assertEquals(2, e.exitCode());
    }
}
