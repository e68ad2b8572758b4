package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * {@code tol pdq match}: every (query, corpus) pair within the distance. The side with fewer rows is loaded
 * and indexed ({@link MultiIndexHash}); the other streams through the index one file at a time, so a million
 * test hashes against a hundred million training hashes holds only the million (and one file) in memory.
 * Writes {@code OUT/pairs.parquet} (query_uuid, corpus_uuid, distance; sorted), the distinct corpus uuids
 * in {@code OUT/exclude.parquet} (the training rows to drop when the queries are a test set) and
 * {@code OUT/summary.json} last.
 */
public final class PdqMatchJob {
    public static final String PAIRS = "pairs.parquet";
    public static final String EXCLUDE = "exclude.parquet";
    public static final String SUMMARY = "summary.json";
    private static final Logger LOG = LoggerFactory.getLogger(PdqMatchJob.class);

    public record Summary(long queries, long corpus, int maxDistance, String indexed, long pairs, long excluded,
            long queriesMatched, double seconds, double hashesPerSecond, String output) {}

    private record UuidPair(String query, String corpus, int distance) {}

    private PdqMatchJob() {}

    public static Summary run(List<String> query, List<String> corpus, int maxDistance, Path out, int threads)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Path> qFiles = PdqHashTable.hashFiles(query, "query");
        List<Path> cFiles = PdqHashTable.hashFiles(corpus, "corpus");
        boolean indexCorpus = rows(cFiles) <= rows(qFiles);
        PdqHashTable indexed = PdqHashTable.loadFiles(indexCorpus ? cFiles : qFiles);
        MultiIndexHash index = MultiIndexHash.build(indexed.hashes(), indexed.size(), maxDistance);
        LOG.info("indexed {} {} hashes in {} chunks (radius {}) in {} s", indexed.size(), indexCorpus ? "corpus" : "query",
                index.chunkCount(), index.radius(), String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        long t1 = System.nanoTime();
        long streamedCount = 0;
        List<UuidPair> pairs = new ArrayList<>();
        for (Path f : indexCorpus ? qFiles : cFiles) {
            PdqHashTable part = PdqHashTable.loadFiles(List.of(f));
            streamedCount += part.size();
            for (PdqMatcher.Pair p : PdqMatcher.scan(part, index, threads, PdqMatcher.Pair::new)) {
                String s = part.uuid(p.query());
                String i = indexed.uuid(p.corpus());
                pairs.add(indexCorpus ? new UuidPair(s, i, p.distance()) : new UuidPair(i, s, p.distance()));
            }
            LOG.info("{}: {} hashes streamed, {} pairs so far", f, streamedCount, pairs.size());
        }
        double matchSeconds = (System.nanoTime() - t1) / 1e9;
        pairs.sort(Comparator.comparing(UuidPair::query).thenComparing(UuidPair::corpus));
        TreeSet<String> excluded = new TreeSet<>();
        TreeSet<String> matchedQueries = new TreeSet<>();
        Files.createDirectories(out);
        try (ParquetRowWriter w = ParquetRowWriter.create(out.resolve(PAIRS),
                List.of(Column.string("query_uuid"), Column.string("corpus_uuid"), Column.int32("distance")))) {
            for (UuidPair p : pairs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("query_uuid", p.query());
                row.put("corpus_uuid", p.corpus());
                row.put("distance", p.distance());
                w.write(row);
                excluded.add(p.corpus());
                matchedQueries.add(p.query());
            }
            w.commit();
        }
        writeUuids(out.resolve(EXCLUDE), excluded);
        long queries = indexCorpus ? streamedCount : indexed.size();
        long corpusSize = indexCorpus ? indexed.size() : streamedCount;
        Summary s = new Summary(queries, corpusSize, maxDistance, indexCorpus ? "corpus" : "query", pairs.size(),
                excluded.size(), matchedQueries.size(), (System.nanoTime() - t0) / 1e9,
                streamedCount / Math.max(matchSeconds, 1e-9), out.toString());
        Json.writeAtomically(out.resolve(SUMMARY), s);
        return s;
    }

    private static long rows(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += ParquetFileInfo.read(f).rowCount();
        }
        return n;
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
