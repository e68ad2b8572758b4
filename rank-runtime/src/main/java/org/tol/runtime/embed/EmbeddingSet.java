package org.tol.runtime.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * The embeddings of a run in clip-retrieval's layout, which autofaiss and clip-retrieval's index step read:
 * {@code DIR/img_emb/img_emb_{k}.npy} (float16, one L2-normalised row per image, as clip-retrieval writes them) and {@code DIR/metadata/metadata_{k}.parquet}
 * (the rows' {@code uuid}, in the same order), {@code k} counting shards from 0, zero-padded to the same width.
 * Only rows with status ok and an embedding are written. Streams from the predictions (one row group and one
 * shard's open files at a time), so any number of rows fits in a fixed heap. {@code DIR/embeddings.json} (rows,
 * shards, dimension) is written last.
 */
public final class EmbeddingSet {
    public static final String COLUMN = "embedding";
    public static final String DONE = "embeddings.json";

    /** What was written. */
    public record Result(long rows, int shards, int dim) {}

    private EmbeddingSet() {}

    /** Rows per shard: {@code -Dtol.embeddings.shardRows=N}, else clip-retrieval's 10^6. */
    public static long shardRows() {
        return Long.getLong("tol.embeddings.shardRows", 1_000_000L);
    }

    /** True when predictions written with these columns carry embeddings. */
    public static boolean has(List<Column> columns) {
        return columns.stream().anyMatch(c -> c.name().equals(COLUMN));
    }

    /**
     * Writes the set from {@code predictions} (read in order) into {@code dir}, replacing an earlier set there.
     *
     * @param shardRows rows per shard (clip-retrieval writes 10^6)
     */
    public static Result write(List<Path> predictions, Path dir, long shardRows) throws IOException {
        long total = 0;
        List<Path> sources = new ArrayList<>();
        for (Path p : predictions) {
            if (Files.exists(p)) {
                sources.add(p);
            }
        }
        Files.createDirectories(dir.resolve("img_emb"));
        Files.createDirectories(dir.resolve("metadata"));
        Files.deleteIfExists(dir.resolve(DONE));
        // A first pass over the status column alone counts the rows: the shard count decides the names' width, as in
        // clip-retrieval (every ok row has an embedding when the filter saves them).
        for (Path p : sources) {
            try (ParquetRows r = ParquetRows.open(p, List.of("status"))) {
                for (Row row = r.next(); row != null; row = r.next()) {
                    total += "ok".equals(row.string("status")) ? 1 : 0;
                }
            }
        }
        int shards = (int) ((total + shardRows - 1) / shardRows);
        int width = Integer.toString(Math.max(1, shards)).length();
        clearOld(dir);
        Shard shard = null;
        int k = 0;
        int dim = 0;
        long written = 0;
        try {
            for (Path p : sources) {
                try (ParquetRows r = ParquetRows.open(p, List.of("uuid", "status", COLUMN))) {
                    for (Row row = r.next(); row != null; row = r.next()) {
                        if (!keep(row)) {
                            continue;
                        }
                        float[] v = normalized(row.value(COLUMN));
                        if (shard == null) {
                            dim = dim == 0 ? v.length : dim;
                            shard = new Shard(dir, String.format("%0" + width + "d", k++), dim);
                        }
                        shard.add(row.string("uuid"), v);
                        written++;
                        if (shard.npy.rows() == shardRows) {
                            shard.commit();
                            shard = null;
                        }
                    }
                }
            }
            if (shard != null) {
                shard.commit();
                shard = null;
            }
        } finally {
            if (shard != null) {
                shard.abort();
            }
        }
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("rows", written);
        done.put("shards", k);
        done.put("dim", dim);
        done.put("dtype", "float16");
        done.put("layout", "img_emb/img_emb_{k}.npy + metadata/metadata_{k}.parquet (uuid), same row order");
        Json.writeAtomically(dir.resolve(DONE), done);
        return new Result(written, k, dim);
    }

    private static boolean keep(Row row) {
        return "ok".equals(row.string("status")) && row.value(COLUMN) != null;
    }

    /** The vector divided by its L2 norm (as clip-retrieval stores them, for inner-product search); zero stays zero. */
    public static float[] normalized(Object v) {
        List<?> l = (List<?>) v;
        float[] out = new float[l.size()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).floatValue();
            sum += (double) out[i] * out[i];
        }
        if (sum > 0) {
            double norm = Math.sqrt(sum);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] / norm);
            }
        }
        return out;
    }

    /** Removes the shards of an earlier set (a rerun may produce fewer). */
    private static void clearOld(Path dir) throws IOException {
        for (String sub : List.of("img_emb", "metadata")) {
            try (var s = Files.list(dir.resolve(sub))) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.matches("(img_emb|metadata)_\\d+\\.(npy|parquet)")) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** One shard's two files, committed together (the npy first, then its uuids). */
    private static final class Shard {
        final NpyWriter npy;
        final ParquetRowWriter uuids;

        Shard(Path dir, String k, int dim) throws IOException {
            npy = new NpyWriter(dir.resolve("img_emb/img_emb_" + k + ".npy"), dim);
            uuids = ParquetRowWriter.create(dir.resolve("metadata/metadata_" + k + ".parquet"), List.of(Column.string("uuid")));
        }

        void add(String uuid, float[] v) throws IOException {
            npy.write(v);
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("uuid", uuid);
            uuids.write(m);
        }

        void commit() throws IOException {
            npy.commit();
            uuids.commit();
        }

        void abort() throws IOException {
            npy.close();
            uuids.abort();
        }
    }
}
