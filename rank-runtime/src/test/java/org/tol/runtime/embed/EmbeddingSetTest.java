package org.tol.runtime.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/** clip-retrieval's layout: numbered float16 .npy shards with the uuids of their rows, in the same order. */
class EmbeddingSetTest {
    @TempDir Path dir;

    @Test
    void okRowsGoToNumberedShardsWithTheirUuidsInOrder() throws Exception {
        Path preds = dir.resolve("predictions.parquet");
        List<String> okUuids = new ArrayList<>();
        try (ParquetRowWriter w = ParquetRowWriter.create(preds, List.of(Column.string("uuid"), Column.string("status"),
                new Column("embedding", ColumnType.listOf(ColumnType.Primitive.FLOAT))))) {
            for (int i = 0; i < 25; i++) {
                Map<String, Object> row = new HashMap<>();
                row.put("uuid", "u" + i);
                boolean ok = i % 5 != 3;
                row.put("status", ok ? "ok" : "corrupt_image");
                row.put("embedding", ok ? List.of(3f * i, 0f, 4f * i) : null);
                w.write(row);
                if (ok) {
                    okUuids.add("u" + i);
                }
            }
            w.commit();
        }
        EmbeddingSet.Result r = EmbeddingSet.write(List.of(preds), dir.resolve("emb"), 8);
        assertEquals(20, r.rows());
        assertEquals(3, r.shards());
        assertEquals(3, r.dim());
        List<String> uuids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (String k : List.of("0", "1", "2")) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("emb/img_emb/img_emb_" + k + ".npy"))).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals((byte) 0x93, b.get(0));
            assertEquals("NUMPY", new String(b.array(), 1, 5, StandardCharsets.US_ASCII));
            int headerLen = b.getShort(8);
            assertEquals(0, (10 + headerLen) % 64, "numpy aligns the data to 64 bytes");
            String header = new String(b.array(), 10, headerLen, StandardCharsets.US_ASCII);
            int n = k.equals("2") ? 4 : 8;
            assertTrue(header.startsWith("{'descr': '<f2', 'fortran_order': False, 'shape': (" + n + ", 3), }"), header);
            assertTrue(header.endsWith("\n"));
            assertEquals(10 + headerLen + n * 3 * 2, b.capacity());
            b.position(10 + headerLen);
            for (int i = 0; i < n; i++) {
                vectors.add(new float[] {half(b.getShort()), half(b.getShort()), half(b.getShort())});
            }
            try (ParquetRows rows = ParquetRows.open(dir.resolve("emb/metadata/metadata_" + k + ".parquet"), List.of("uuid"))) {
                for (Row row = rows.next(); row != null; row = rows.next()) {
                    uuids.add(row.string("uuid"));
                }
            }
        }
        assertEquals(okUuids, uuids);
        for (int i = 0; i < uuids.size(); i++) {
            int src = Integer.parseInt(uuids.get(i).substring(1));
            // (3i, 0, 4i) / 5i: 0.6 and 0.8 in float16 (numpy: 0x38cd, 0x3a66); the zero vector stays zero
            float[] want = src == 0 ? new float[] {0, 0, 0} : new float[] {half((short) 0x38cd), 0, half((short) 0x3a66)};
            assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(vectors.get(i)), uuids.get(i));
        }
        assertTrue(Files.exists(dir.resolve("emb/embeddings.json")));

        // a rerun that writes fewer shards leaves none of the old ones behind
        EmbeddingSet.write(List.of(preds), dir.resolve("emb"), 100);
        try (var s = Files.list(dir.resolve("emb/img_emb"))) {
            assertEquals(List.of("img_emb_0.npy"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** binary16 to float for the test's exactly representable values (normal numbers only). */
    private static float half(short h) {
        int s = (h >> 15) & 1;
        int e = (h >> 10) & 0x1f;
        int m = h & 0x3ff;
        if (e == 0 && m == 0) {
            return s == 1 ? -0f : 0f;
        }
        float v = (1 + m / 1024f) * (float) Math.pow(2, e - 15);
        return s == 1 ? -v : v;
    }
}
