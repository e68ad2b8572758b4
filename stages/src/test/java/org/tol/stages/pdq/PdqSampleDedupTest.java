package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.filter.RowResult;
import org.tol.api.image.DecodeResult;
import org.tol.api.schema.Column;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleManifest;
import org.tol.stages.sample.SampleSpec;

/**
 * The filter over the sample generator's images-in-Parquet (raw BGR cells), then dedup: the clusters found
 * are exactly the near-duplicate pairs the generator planted. The rows are fed to the filter here the way
 * the rank runtime does (decode, prepare, infer), so this needs no runtime.
 */
class PdqSampleDedupTest {
    @TempDir Path dir;

    @Test
    void dedupFindsExactlyThePlantedNearDuplicates() throws Exception {
        SampleManifest m = SampleMaker.make(dir.resolve("sample"), new SampleSpec(2, 48, 7, 2));
        ImageDecoder decoder = new ImageDecoder();
        List<Column> cols = new ArrayList<>(List.of(Column.string("uuid"), Column.string("status")));
        cols.addAll(PdqColumns.OUTPUT);
        try (PdqFilter filter = new PdqFilter(PreResize.NONE, LumaPrecision.DOUBLE);
                ParquetRowWriter w = ParquetRowWriter.create(dir.resolve("hashes/part-0.parquet"), cols)) {
            List<String> read = new ArrayList<>(List.of(ImageColumns.UUID));
            read.addAll(ImageColumns.DECODE_COLUMNS);
            for (InputFile f : InputFiles.resolve(List.of(dir.resolve("sample/data").toString()))) {
                try (ParquetRows rows = ParquetRows.open(f.path(), new TreeSet<>(read))) {
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        DecodeResult d = decoder.decode(r);
                        Map<String, Object> out = new HashMap<>();
                        out.put("uuid", r.string(ImageColumns.UUID));
                        if (d.isOk()) {
                            RowResult res = filter.infer(List.of(filter.prepare(d.image()))).get(0);
                            out.put("status", res.status());
                            out.putAll(res.values());
                        } else {
                            out.put("status", d.error().status());
                        }
                        w.write(out);
                    }
                }
            }
            w.commit();
        }
        PdqHashTable t = PdqHashTable.load(List.of(dir.resolve("hashes").toString()), "sample");
        PdqDedup.Result r = PdqDedup.run(t, 10, 50, 2);
        Set<String> found = new TreeSet<>();
        for (int i = 0; i < t.size(); i++) {
            if (!r.isRepresentative(i)) {
                assertEquals(2, r.clusterSize()[i], "only pairs are planted");
                String a = t.uuid(i);
                String b = t.uuid(r.representative()[i]);
                found.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
            }
        }
        Set<String> planted = new TreeSet<>();
        for (SampleManifest.NearDuplicate nd : m.nearDuplicates()) {
            String a = nd.original();
            String b = nd.copy();
            planted.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
        }
        assertTrue(planted.size() >= 2, "the generator plants near-duplicates");
        assertEquals(planted, found);
    }
}
