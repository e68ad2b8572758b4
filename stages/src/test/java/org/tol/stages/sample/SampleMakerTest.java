package org.tol.stages.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

class SampleMakerTest {
    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path tmp) throws Exception {
        SampleSpec spec = new SampleSpec(3, 30, 7, 3);
        SampleMaker.make(tmp.resolve("a"), spec);
        SampleMaker.make(tmp.resolve("b"), spec);
        SampleMaker.make(tmp.resolve("c"), new SampleSpec(3, 30, 8, 3));
        List<Path> names = files(tmp.resolve("a"));
        assertEquals(names, files(tmp.resolve("b")));
        assertEquals(5, names.size(), names.toString()); // 3 data files, taxonomy, manifest
        for (Path n : names) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(n)), Files.readAllBytes(tmp.resolve("b").resolve(n)),
                    n + " differs between two runs with the same seed");
        }
        Path first = names.stream().filter(p -> p.toString().endsWith("data_0.parquet")).findFirst().orElseThrow();
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(first)),
                Files.readAllBytes(tmp.resolve("c").resolve(first))), "a different seed must give different data");
    }

    @Test
    void layoutSchemaAndManifestMatchTheReference(@TempDir Path tmp) throws Exception {
        SampleManifest m = SampleMaker.make(tmp, new SampleSpec(2, 40, 1, 3));
        assertEquals(2, m.files().size());
        assertTrue(m.files().get(0).path().matches("data/source=[a-z]+/server=[a-z0-9.-]+/data_0\\.parquet"),
                m.files().get(0).path());
        ParquetFileInfo info = ParquetFileInfo.read(tmp.resolve(m.files().get(0).path()));
        assertEquals(List.of("uuid", "source_id", "identifier", "is_license_full", "license", "source", "title",
                "hashsum_original", "hashsum_resized", "original_size", "resized_size", "image", "server"),
                info.columns().stream().map(c -> c.name()).toList());
        assertTrue(info.rowGroups().size() > 1, "sample files must have several row groups");
        assertEquals(Set.of("size_mismatch", "empty_image", "corrupt_image"),
                m.badRows().stream().map(SampleManifest.BadRow::reason).collect(Collectors.toSet()));
        assertEquals(2, m.nearDuplicates().size());
        assertTrue(Files.isRegularFile(tmp.resolve(m.attributes())));
        // every row's resized_size is [h, w] with long side <= 720, and h*w*3 == bytes for good rows
        Set<String> badUuids = m.badRows().stream().map(SampleManifest.BadRow::uuid).collect(Collectors.toSet());
        int rows = 0;
        for (var f : InputFiles.resolve(List.of(tmp.resolve("data").toString()))) {
            try (ParquetRows in = ParquetRows.open(f.path(), ImageColumns.DECODE_COLUMNS)) {
                for (Row r = in.next(); r != null; r = in.next(), rows++) {
                    long[] s = r.longs(ImageColumns.RESIZED_SIZE);
                    assertTrue(Math.max(s[0], s[1]) <= 720);
                    if (!badUuids.contains(r.string(ImageColumns.UUID))) {
                        assertEquals(s[0] * s[1] * 3, r.binary(ImageColumns.IMAGE).length);
                    }
                }
            }
        }
        assertEquals(40, rows);
    }
}
