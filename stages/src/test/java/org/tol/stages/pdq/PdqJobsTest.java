package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/** The file-hash, match and dedup jobs end to end on small files made here. */
class PdqJobsTest {
    @TempDir Path dir;

    private static void writePng(RgbImage img, Path file, int brighten) throws IOException {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int r = Math.min(255, img.get(x, y, 0) + brighten);
                int g = Math.min(255, img.get(x, y, 1) + brighten);
                int bl = Math.min(255, img.get(x, y, 2) + brighten);
                b.setRGB(x, y, (r << 16) | (g << 8) | bl);
            }
        }
        ImageIO.write(b, "png", file.toFile());
    }

    private static List<Map<String, Object>> read(Path file, String... cols) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ParquetRows rows = ParquetRows.open(file, List.of(cols))) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                Map<String, Object> m = new HashMap<>();
                for (String c : cols) {
                    m.put(c, r.value(c));
                }
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void folderHashingWritesOneRowPerFileAndDedupFindsThePlantedCopy() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images/sub"));
        Random rnd = new Random(11);
        RgbImage a = PdqTestImages.syntheticPhoto(rnd, 300, 200);
        writePng(a, images.resolve("a.png"), 0);
        writePng(a, images.resolve("a-brighter.png"), 12);
        writePng(PdqTestImages.syntheticPhoto(rnd, 240, 240), images.resolve("b.png"), 0);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        byte[] whole = jpeg.toByteArray();
        Files.write(images.resolve("broken.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(images.resolve("notes.txt"), "not an image");
        assertTrue(PdqFileHashJob.isImageInput(List.of(dir.resolve("images").toString())));

        Path hashed = dir.resolve("hashed");
        PdqFileHashJob.Summary s = PdqFileHashJob.run(List.of(dir.resolve("images").toString()), hashed,
                PreResize.NONE, LumaPrecision.DOUBLE, PdqFileDecoder.IMAGEIO, 2);
        assertEquals(4, s.files());
        assertEquals(1, s.failed());
        List<Map<String, Object>> rows = read(hashed.resolve(PdqFileHashJob.HASHES), "uuid", "status", "error",
                "pdq_hex", "pdq_quality");
        assertEquals(4, rows.size());
        for (Map<String, Object> r : rows) {
            String uuid = (String) r.get("uuid");
            if (uuid.endsWith("broken.jpg")) {
                assertEquals("corrupt_image", r.get("status"));
                assertTrue(((String) r.get("error")).contains("broken.jpg"), (String) r.get("error"));
                assertNull(r.get("pdq_hex"));
            } else {
                assertEquals("ok", r.get("status"));
                assertEquals(64, ((String) r.get("pdq_hex")).length());
            }
        }
        assertTrue(Files.exists(hashed.resolve("summary.json")));

        PdqDedupJob.Summary d = PdqDedupJob.run(List.of(hashed.toString()), 10, 50, false, dir.resolve("dedup"), 2);
        assertEquals(3, d.hashes());
        assertEquals(1, d.duplicateClusters());
        List<Map<String, Object>> excluded = read(dir.resolve("dedup/exclude.parquet"), "uuid", "reason");
        assertEquals(1, excluded.size());
        // both copies have quality 100 here, so the smaller path ("a-brighter.png" < "a.png") is kept
        assertTrue(((String) excluded.get(0).get("uuid")).endsWith("/a.png"), excluded.toString());
        assertEquals("near_duplicate", excluded.get(0).get("reason"));
    }

    private static void writeHashes(Path file, Map<String, PdqHash> hashes) throws IOException {
        try (ParquetRowWriter w = ParquetRowWriter.create(file, List.of(Column.string("uuid"), Column.binary("hash_pdq")))) {
            for (Map.Entry<String, PdqHash> e : hashes.entrySet()) {
                w.write(Map.of("uuid", e.getKey(), "hash_pdq", e.getValue().toBytes()));
            }
            w.commit();
        }
    }

    @Test
    void matchWritesExactlyThePairsWithinTheDistanceAndTheCorpusUuids() throws Exception {
        Random rnd = new Random(12);
        PdqHash q = PdqHash.ofLongs(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
        Map<String, PdqHash> corpus = new java.util.TreeMap<>();
        corpus.put("same", q);
        corpus.put("at-10", PdqHash.ofLongs(q.longAt(0) ^ 0x3FFL, q.longAt(1), q.longAt(2), q.longAt(3)));
        corpus.put("at-11", PdqHash.ofLongs(q.longAt(0), q.longAt(1) ^ 0x7FF0000L, q.longAt(2), q.longAt(3)));
        corpus.put("random", PdqHash.ofLongs(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()));
        // a reference-style file (uuid + hash_pdq only) in a folder, plus an unrelated Parquet file that is ignored
        writeHashes(dir.resolve("corpus/part-0.parquet"), corpus);
        try (ParquetRowWriter w = ParquetRowWriter.create(dir.resolve("corpus/other.parquet"), List.of(Column.string("x")))) {
            w.write(Map.of("x", "y"));
            w.commit();
        }
        writeHashes(dir.resolve("query.parquet"), Map.of("q", q));

        PdqMatchJob.Summary s = PdqMatchJob.run(List.of(dir.resolve("query.parquet").toString()),
                List.of(dir.resolve("corpus").toString()), 10, dir.resolve("out"), 2);
        assertEquals(4, s.corpus());
        assertEquals(2, s.pairs());
        List<Map<String, Object>> pairs = read(dir.resolve("out/pairs.parquet"), "query_uuid", "corpus_uuid", "distance");
        assertEquals(List.of(Map.of("query_uuid", "q", "corpus_uuid", "at-10", "distance", 10),
                Map.of("query_uuid", "q", "corpus_uuid", "same", "distance", 0)), pairs);
        List<Map<String, Object>> exclude = read(dir.resolve("out/exclude.parquet"), "uuid");
        assertEquals(List.of(Map.of("uuid", "at-10"), Map.of("uuid", "same")), exclude);
    }
}
