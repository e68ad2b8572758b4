package org.tol.tests.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleManifest;
import org.tol.stages.sample.SampleSpec;

/**
 * {@code tol pdq hash} on images-in-Parquet through the rank runtime (one rank, then two ranks into another
 * output, then a re-run that resumes with nothing left to do), {@code tol collect}, {@code tol pdq dedup}
 * and {@code tol pdq match}, all through the real command line.
 */
class PdqCliTest {
    @TempDir Path dir;

    private static int tol(String... args) {
        return TolCommand.commandLine().execute(args);
    }

    /** uuid -> pdq_hex of the ok rows; checks hash_pdq is the hex's bytes. */
    private static Map<String, String> hashes(Path predictions) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ParquetRows rows = ParquetRows.open(predictions, List.of("uuid", "status", "hash_pdq", "pdq_hex"))) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                if ("ok".equals(r.string("status"))) {
                    String hex = r.string("pdq_hex");
                    assertEquals(hex, HexFormat.of().formatHex(r.binary("hash_pdq")));
                    out.put(r.string("uuid"), hex);
                }
            }
        }
        return out;
    }

    private static Set<String> column(Path file, String col) throws IOException {
        Set<String> out = new TreeSet<>();
        try (ParquetRows rows = ParquetRows.open(file, List.of(col))) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                out.add(r.string(col));
            }
        }
        return out;
    }

    /** Image folders take the local path; the Java reference's hash of bridge-1 comes out exactly. */
    @Test
    void hashingAFolderOfImageFilesWritesHashesParquet() throws Exception {
        String shared = System.getProperty("tol.shared");
        Path dih = shared == null ? null : Path.of(shared, "data", "pdq", "dih");
        Assumptions.assumeTrue(dih != null && java.nio.file.Files.isDirectory(dih), "shared PDQ test images not found");
        Path out = dir.resolve("files");
        // Meta's Java reference computes luma in float32
        assertEquals(0, tol("pdq", "hash", "--input", dih.toString(), "--output", out.toString(), "--threads", "2",
                "--luma-precision", "float"));
        Map<String, String> hashes = hashes(out.resolve("hashes.parquet"));
        assertEquals(8, hashes.size());
        assertEquals("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
                hashes.get(dih.resolve("bridge-1-original.jpg").toString()));
        assertEquals(2, tol("pdq", "hash", "--input", dih.toString(), "--output", out.toString(), "--rank", "0",
                "--world-size", "2"), "image folders refuse to run as several ranks");
    }

    @Test
    void hashOnRanksThenDedupAndMatchFindThePlantedNearDuplicates() throws Exception {
        SampleManifest m = SampleMaker.make(dir.resolve("sample"), new SampleSpec(3, 60, 5, 2));
        String data = dir.resolve("sample/data").toString();
        String one = dir.resolve("hash1").toString();
        String two = dir.resolve("hash2").toString();
        int rc = tol("pdq", "hash", "--input", data, "--output", one, "--prep-threads", "2");
        assertTrue(rc == 0 || rc == 3, "exit " + rc);
        assertEquals(rc, tol("pdq", "hash", "--input", data, "--output", one, "--prep-threads", "2"), "resume re-run");
        for (int rank = 0; rank < 2; rank++) {
            int r = tol("pdq", "hash", "--input", data, "--output", two, "--rank", Integer.toString(rank),
                    "--world-size", "2", "--prep-threads", "2");
            assertTrue(r == 0 || r == 3, "rank " + rank + " exit " + r);
        }
        assertEquals(0, tol("collect", one));
        assertEquals(0, tol("collect", two));
        Map<String, String> single = hashes(dir.resolve("hash1/predictions.parquet"));
        assertEquals(m.rows() - m.badRows().size(), single.size());
        assertEquals(single, hashes(dir.resolve("hash2/predictions.parquet")));
        // the runtime hashes raw cells straight from their BGR bytes: same hashes as the decoded RGB images
        Map<String, String> fromRgb = new TreeMap<>();
        org.tol.stages.pdq.PdqHasher hasher = new org.tol.stages.pdq.PdqHasher();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir.resolve("sample/data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                try (ParquetRows rows = ParquetRows.open(f, org.tol.io.parquet.ImageColumns.DECODE_COLUMNS)) {
                    for (Row r = rows.next(); r != null; r = rows.next()) {
                        org.tol.api.image.DecodeResult d = new org.tol.io.image.ImageDecoder().decode(r);
                        if (d.isOk()) {
                            fromRgb.put(r.string("uuid"), hasher.hash(d.image()).hash().toHex());
                        }
                    }
                }
            }
        }
        assertEquals(fromRgb, single);

        assertEquals(0, tol("pdq", "dedup", "--input", one, "--output", dir.resolve("dedup").toString()));
        Set<String> excluded = column(dir.resolve("dedup/exclude.parquet"), "uuid");
        assertEquals(m.nearDuplicates().size(), excluded.size());
        for (SampleManifest.NearDuplicate nd : m.nearDuplicates()) {
            assertTrue(excluded.contains(nd.original()) ^ excluded.contains(nd.copy()), nd.toString());
        }

        assertEquals(0, tol("pdq", "match", "--query", one, "--corpus", two, "--output", dir.resolve("match").toString(),
                "--max-distance", "10"));
        // every hash matches itself, and each planted pair matches both ways
        Set<String> pairs = new TreeSet<>();
        try (ParquetRows rows = ParquetRows.open(dir.resolve("match/pairs.parquet"), List.of("query_uuid", "corpus_uuid"))) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                if (!r.string("query_uuid").equals(r.string("corpus_uuid"))) {
                    pairs.add(r.string("query_uuid") + " " + r.string("corpus_uuid"));
                }
            }
        }
        Set<String> planted = new TreeSet<>();
        for (SampleManifest.NearDuplicate nd : m.nearDuplicates()) {
            planted.add(nd.original() + " " + nd.copy());
            planted.add(nd.copy() + " " + nd.original());
        }
        assertEquals(planted, pairs);
        assertEquals(single.keySet(), column(dir.resolve("match/exclude.parquet"), "uuid"));
    }
}
