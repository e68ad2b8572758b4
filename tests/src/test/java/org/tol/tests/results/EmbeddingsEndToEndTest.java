package org.tol.tests.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.embed.Float16;
import picocli.CommandLine;

/**
 * {@code tol filter clip --save-embeddings} on two ranks, then {@code tol collect}: each rank and the collected run
 * have clip-retrieval's layout, and the collected set holds exactly the ok rows of predictions.parquet, in its
 * order, as float16 of the saved embedding divided by its L2 norm.
 */
class EmbeddingsEndToEndTest {
    @TempDir Path dir;

    private void tol(String... args) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int code = cl.execute(args);
        assertEquals(0, code, () -> "tol " + String.join(" ", args) + " -> " + code + "\n" + out);
    }

    @Test
    void ranksAndCollectWriteNumberedFloat16ShardsWithUuids() throws Exception {
        String d = dir.toString();
        tol("sample", "make", "--out", d + "/sample", "--files", "3", "--images", "15", "--seed", "3", "--bad-rows", "1");
        tol("models", "demo", "clip", "--out", d + "/clip.onnx", "--support-set-out", d + "/support.pt");
        String out = d + "/clip";
        System.setProperty("tol.embeddings.shardRows", "4");
        try {
            for (String rank : List.of("0", "1")) {
                tol("filter", "clip", "--input", d + "/sample/data", "--output", out, "--model", d + "/clip.onnx",
                        "--support-set", d + "/support.pt", "--device", "cpu", "--save-embeddings", "--rank", rank, "--world-size", "2");
            }
            tol("collect", out);
        } finally {
            System.clearProperty("tol.embeddings.shardRows");
        }
        for (String rank : List.of("0", "1")) {
            assertTrue(Files.exists(Path.of(out, "embeddings_rank" + rank, "embeddings.json")), "rank " + rank);
        }
        List<String> okUuids = new ArrayList<>();
        List<short[]> expected = new ArrayList<>();
        try (ParquetRows r = ParquetRows.open(Path.of(out, "predictions.parquet"), List.of("uuid", "status", "embedding"))) {
            for (Row row = r.next(); row != null; row = r.next()) {
                if ("ok".equals(row.string("status"))) {
                    okUuids.add(row.string("uuid"));
                    List<?> v = (List<?>) row.value("embedding");
                    double norm = 0;
                    for (Object x : v) {
                        norm += Math.pow(((Number) x).floatValue(), 2);
                    }
                    norm = Math.sqrt(norm);
                    short[] h = new short[v.size()];
                    for (int i = 0; i < h.length; i++) {
                        h[i] = Float16.fromFloat((float) (((Number) v.get(i)).floatValue() / norm));
                    }
                    expected.add(h);
                }
            }
        }
        assertEquals(14, okUuids.size());
        List<String> uuids = new ArrayList<>();
        List<short[]> got = new ArrayList<>();
        for (String k : List.of("0", "1", "2", "3")) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(out, "embeddings/img_emb/img_emb_" + k + ".npy")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            int headerLen = b.getShort(8);
            String header = new String(b.array(), 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
            int n = k.equals("3") ? 2 : 4;
            int dim = expected.get(0).length;
            assertTrue(header.contains("'shape': (" + n + ", " + dim + ")"), header);
            b.position(10 + headerLen);
            for (int i = 0; i < n; i++) {
                short[] h = new short[dim];
                for (int j = 0; j < dim; j++) {
                    h[j] = b.getShort();
                }
                got.add(h);
            }
            try (ParquetRows r = ParquetRows.open(Path.of(out, "embeddings/metadata/metadata_" + k + ".parquet"), List.of("uuid"))) {
                for (Row row = r.next(); row != null; row = r.next()) {
                    uuids.add(row.string("uuid"));
                }
            }
        }
        assertEquals(okUuids, uuids);
        for (int i = 0; i < got.size(); i++) {
            assertEquals(java.util.Arrays.toString(expected.get(i)), java.util.Arrays.toString(got.get(i)), uuids.get(i));
        }
    }
}
