package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * {@code tol pdq match}: every (query, corpus) pair within the distance, written to
 * {@code OUT/pairs.parquet} (query_uuid, corpus_uuid, distance), with the distinct corpus uuids in
 * {@code OUT/exclude.parquet} (the training rows to drop when the queries are a test set) and
 * {@code OUT/summary.json} written last.
 */
public final class PdqMatchJob {
    public static final String PAIRS = "pairs.parquet";
    public static final String EXCLUDE = "exclude.parquet";
    public static final String SUMMARY = "summary.json";

    public record Summary(int queries, int corpus, int maxDistance, long pairs, long excluded, long queriesMatched,
            double seconds, double queriesPerSecond, String output) {}

    private PdqMatchJob() {}

    public static Summary run(List<String> query, List<String> corpus, int maxDistance, Path out, int threads)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        PdqHashTable q = PdqHashTable.load(query, "query");
        PdqHashTable c = PdqHashTable.load(corpus, "corpus");
        long t1 = System.nanoTime();
        List<PdqMatcher.Pair> pairs = PdqMatcher.match(q, c, maxDistance, threads);
        double matchSeconds = (System.nanoTime() - t1) / 1e9;
        Files.createDirectories(out);
        TreeSet<String> excluded = new TreeSet<>();
        TreeSet<Integer> matchedQueries = new TreeSet<>();
        try (ParquetRowWriter w = ParquetRowWriter.create(out.resolve(PAIRS),
                List.of(Column.string("query_uuid"), Column.string("corpus_uuid"), Column.int32("distance")))) {
            for (PdqMatcher.Pair p : pairs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("query_uuid", q.uuid(p.query()));
                row.put("corpus_uuid", c.uuid(p.corpus()));
                row.put("distance", p.distance());
                w.write(row);
                excluded.add(c.uuid(p.corpus()));
                matchedQueries.add(p.query());
            }
            w.commit();
        }
        writeUuids(out.resolve(EXCLUDE), excluded);
        Summary s = new Summary(q.size(), c.size(), maxDistance, pairs.size(), excluded.size(), matchedQueries.size(),
                (System.nanoTime() - t0) / 1e9, q.size() / Math.max(matchSeconds, 1e-9), out.toString());
        Json.writeAtomically(out.resolve(SUMMARY), s);
        return s;
    }

    static void writeUuids(Path file, Iterable<String> uuids) throws IOException {
        try (ParquetRowWriter w = ParquetRowWriter.create(file, List.of(Column.string("uuid")))) {
            for (String u : uuids) {
                w.write(Map.of("uuid", u));
            }
            w.commit();
        }
    }
}
