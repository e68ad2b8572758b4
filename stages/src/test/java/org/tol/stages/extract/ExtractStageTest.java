package org.tol.stages.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.lookup.LookupBuilder;
import org.tol.stages.lookup.LookupGroups;
import org.tol.stages.lookup.LookupIndexStage;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleSpec;
import org.tol.stages.testing.StageRuns;

/** lookup index → lookup build → extract on a sample with one data file duplicated (so uuids repeat). */
class ExtractStageTest {
    @TempDir static Path tmp;
    static Path lookup;
    static Map<String, byte[]> imageOf = new HashMap<>();

    @BeforeAll
    static void lookupTable() throws Exception {
        Path sample = tmp.resolve("sample");
        SampleMaker.make(sample, new SampleSpec(5, 40, 3, 0));
        Path data = sample.resolve("data");
        Path first;
        try (Stream<Path> s = Files.walk(data)) {
            first = s.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
        Files.copy(first, first.resolveSibling("zz_copy_of_" + first.getFileName()));
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".parquet")).toList()) {
                try (ParquetRows rows = ParquetRows.open(p, List.of("uuid", "image"))) {
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        imageOf.put(r.string("uuid"), r.binary("image"));
                    }
                }
            }
        }
        Path index = tmp.resolve("index");
        assertEquals(ExitCodes.OK, StageRuns.run(new LookupIndexStage(List.of(data.toString())), index));
        lookup = tmp.resolve("lookup");
        LookupBuilder.Options o = new LookupBuilder.Options(List.of(sample.resolve("attributes").toString()),
                List.of(index.toString()), null, null, LookupGroups.preset("museum_specimen_all"), 2, 614, "500MB", 1);
        new LookupBuilder(o).build(Files.createDirectories(tmp.resolve("duck")), rel -> {
            Path f = lookup.resolve(rel);
            Files.createDirectories(f.getParent());
            return f;
        });
    }

    /** uuid → lookup rows of each batch. */
    static Map<String, Map<String, List<Map<String, Object>>>> lookupRows() throws Exception {
        Map<String, Map<String, List<Map<String, Object>>>> byBatch = new HashMap<>();
        for (Path dir : BatchFiles.batches(lookup)) {
            LookupBatch b = LookupBatch.read(dir);
            byBatch.put(dir.getFileName().toString(), b.byUuid);
        }
        return byBatch;
    }

    @Test
    void everySelectedRowOnceWithItsImageAndLookupColumns() throws Exception {
        Path out = tmp.resolve("extracted");
        assertEquals(ExitCodes.OK, StageRuns.run(new ExtractStage(lookup, 200_000), out));
        Map<String, Map<String, List<Map<String, Object>>>> want = lookupRows();
        assertTrue(want.size() >= 2, "several batches");
        boolean sawRepeat = want.values().stream().flatMap(m -> m.values().stream()).anyMatch(l -> l.size() > 1);
        assertTrue(sawRepeat, "the copied file makes some uuids appear twice in the lookup");
        for (Map.Entry<String, Map<String, List<Map<String, Object>>>> batch : want.entrySet()) {
            List<String> seen = new ArrayList<>();
            List<Path> files = BatchFiles.parquetFiles(out.resolve(batch.getKey()));
            assertTrue(files.size() > 1, "files roll over at the target size");
            for (Path f : files) {
                try (ParquetRows rows = ParquetRows.open(f, List.of("uuid", "original_size", "resized_size", "image",
                        "path", "source_id", "basisOfRecord", "datasetKey", "kingdom", "species"))) {
                    List<String> names = rows.columns().stream().map(Column::name).toList();
                    assertEquals(List.of("uuid", "original_size", "resized_size", "image", "path", "source_id",
                            "basisOfRecord", "datasetKey", "kingdom", "species", "group_id"), names);
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        String uuid = r.string("uuid");
                        seen.add(uuid);
                        assertArrayEquals(imageOf.get(uuid), r.binary("image"), uuid);
                        List<Map<String, Object>> looks = batch.getValue().get(uuid);
                        // The first data file in path order wins, with the lookup row that names it.
                        String firstPath = looks.stream().map(m -> (String) m.get("path")).sorted().findFirst().orElseThrow();
                        assertEquals(firstPath, r.string("path"));
                        assertEquals(looks.get(0).get("kingdom"), r.string("kingdom"));
                    }
                }
            }
            assertEquals(batch.getValue().keySet().stream().sorted().toList(), seen.stream().sorted().toList(),
                    batch.getKey() + ": exactly the batch's uuids, each once");
        }
    }

    @Test
    void rerunSkipsFinishedBatchesAndGivesTheSameFiles() throws Exception {
        Path a = tmp.resolve("again-a");
        Path b = tmp.resolve("again-b");
        StageRuns.run(new ExtractStage(lookup, 200_000), a);
        Map<String, byte[]> first = StageRuns.outputs(a);
        assertEquals(ExitCodes.OK, StageRuns.run(new ExtractStage(lookup, 200_000), a));
        StageRuns.run(new ExtractStage(lookup, 200_000), b);
        Map<String, byte[]> other = StageRuns.outputs(b);
        assertEquals(first.keySet(), other.keySet());
        for (String k : first.keySet()) {
            assertArrayEquals(first.get(k), other.get(k), k);
        }
    }
    @Test
    void aBatchWhoseDataFileWasRewrittenIsRedoneFromTheNewRows() throws Exception {
        Path out = tmp.resolve("rewritten");
        assertEquals(ExitCodes.OK, StageRuns.run(new ExtractStage(lookup, 200_000), out));
        List<Path> batches = BatchFiles.batches(lookup);
        String file = LookupBatch.paths(batches.get(0)).first();
        Path data = Path.of(file);
        Path saved = tmp.resolve("saved.parquet");
        Files.copy(data, saved, StandardCopyOption.REPLACE_EXISTING);
        Map<String, byte[]> newImage = new HashMap<>();
        try {
            // Same path, same uuids, other image bytes (reversed: same length, so raw cells stay valid).
            Path next = tmp.resolve("next.parquet");
            List<String> names = ParquetFileInfo.read(data).columns().stream().map(Column::name).toList();
            try (ParquetRows rows = ParquetRows.open(data, names);
                    ParquetRowWriter w = ParquetRowWriter.create(next, rows.columns())) {
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (String n : names) {
                        row.put(n, r.value(n));
                    }
                    byte[] img = r.binary("image").clone();
                    for (int i = 0, j = img.length - 1; i < j; i++, j--) {
                        byte t = img[i];
                        img[i] = img[j];
                        img[j] = t;
                    }
                    row.put("image", img);
                    newImage.put(r.string("uuid"), img);
                    w.write(row);
                }
                w.commit();
            }
            Files.move(next, data, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(ExitCodes.OK, StageRuns.run(new ExtractStage(lookup, 200_000), out));
        } finally {
            Files.move(saved, data, StandardCopyOption.REPLACE_EXISTING);
        }
        String records = Files.readString(out.resolve("checkpoints_rank0/outputs.jsonl"));
        int rowsFromFile = 0;
        for (Path batch : batches) {
            String unit = batch.getFileName().toString();
            long commits = records.lines().filter(l -> l.contains("\"unit\":\"" + unit + "\"")
                    && l.contains("\"state\":\"commit\"")).count();
            // Only the batches that name the rewritten file are redone; their new commit carries its new identity.
            assertEquals(LookupBatch.paths(batch).contains(file) ? 2 : 1, commits, unit);
            for (Path f : BatchFiles.parquetFiles(out.resolve(unit))) {
                try (ParquetRows rows = ParquetRows.open(f, List.of("uuid", "image", "path"))) {
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        if (file.equals(r.string("path"))) {
                            rowsFromFile++;
                            assertArrayEquals(newImage.get(r.string("uuid")), r.binary("image"), r.string("uuid"));
                        }
                    }
                }
            }
        }
        assertTrue(rowsFromFile > 0, "some rows come from the rewritten file");
    }

    @Test
    void aBatchRedoneFromAShrunkDataFileLeavesNoStalePartsBehind() throws Exception {
        Path out = tmp.resolve("shrunk");
        // small target size: each batch spans several part files, so a shrunk batch writes fewer of them
        assertEquals(ExitCodes.OK, StageRuns.run(new ExtractStage(lookup, 200_000), out));
        List<Path> batches = BatchFiles.batches(lookup);
        // a data file whose uuids no other file repeats (the sample's first file has a copy)
        String file = null;
        for (Path b : batches) {
            for (String p : LookupBatch.paths(b)) {
                Path f = Path.of(p);
                if (file == null && !f.getFileName().toString().startsWith("zz_copy_of_")
                        && !Files.exists(f.resolveSibling("zz_copy_of_" + f.getFileName()))) {
                    file = p;
                }
            }
        }
        Path data = Path.of(file);
        Path saved = tmp.resolve("saved-shrunk.parquet");
        Files.copy(data, saved, StandardCopyOption.REPLACE_EXISTING);
        java.util.Set<String> dropped = new java.util.HashSet<>();
        java.util.Set<String> kept = new java.util.HashSet<>();
        try {
            Path next = tmp.resolve("next-shrunk.parquet");
            List<String> names = ParquetFileInfo.read(data).columns().stream().map(Column::name).toList();
            try (ParquetRows rows = ParquetRows.open(data, names);
                    ParquetRowWriter w = ParquetRowWriter.create(next, rows.columns())) {
                int i = 0;
                for (Row r = rows.next(); r != null; r = rows.next(), i++) {
                    if (i % 4 != 0) {
                        dropped.add(r.string("uuid"));
                        continue;
                    }
                    kept.add(r.string("uuid"));
                    Map<String, Object> row = new HashMap<>();
                    for (String n : names) {
                        row.put(n, r.value(n));
                    }
                    w.write(row);
                }
                w.commit();
            }
            Files.move(next, data, StandardCopyOption.REPLACE_EXISTING);
            // the batch's lookup rows the file no longer has are failure records: exit 3
            assertEquals(ExitCodes.INCOMPLETE, StageRuns.run(new ExtractStage(lookup, 200_000), out));
        } finally {
            Files.move(saved, data, StandardCopyOption.REPLACE_EXISTING);
        }
        int fromFile = 0;
        for (Path batch : batches) {
            if (!LookupBatch.paths(batch).contains(file)) {
                continue;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Path f : BatchFiles.parquetFiles(out.resolve(batch.getFileName().toString()))) {
                try (ParquetRows rows = ParquetRows.open(f, List.of("uuid", "path"))) {
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        assertTrue(seen.add(r.string("uuid")), "uuid twice in " + batch.getFileName() + ": " + r.string("uuid"));
                        if (file.equals(r.string("path"))) {
                            fromFile++;
                            assertTrue(kept.contains(r.string("uuid")), "a row the rewritten file no longer has: " + r.string("uuid"));
                        }
                    }
                }
            }
        }
        assertTrue(fromFile > 0 && !dropped.isEmpty(), "rows " + fromFile + ", dropped " + dropped.size());
    }
}
