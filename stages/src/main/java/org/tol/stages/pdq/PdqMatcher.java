package org.tol.stages.pdq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every (query, corpus) pair within a Hamming distance. The smaller side is indexed with
 * {@link MultiIndexHash} and the larger side streams through it, so a million test hashes against a
 * hundred million training hashes needs an index of the million only. Work is split across threads by
 * slices of the streamed side; the result is sorted (query, corpus), so it does not depend on threads.
 */
public final class PdqMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PdqMatcher.class);
    private static final int SLICE = 4096;

    /** One matching pair: indices into the query and corpus tables, and the distance. */
    public record Pair(int query, int corpus, int distance) {}

    private PdqMatcher() {}

    public static List<Pair> match(PdqHashTable queries, PdqHashTable corpus, int maxDistance, int threads)
            throws InterruptedException {
        boolean indexCorpus = corpus.size() <= queries.size();
        PdqHashTable indexed = indexCorpus ? corpus : queries;
        PdqHashTable streamed = indexCorpus ? queries : corpus;
        long t0 = System.nanoTime();
        MultiIndexHash index = MultiIndexHash.build(indexed.hashes(), indexed.size(), maxDistance);
        LOG.info("indexed {} {} hashes in {} chunks (radius {}) in {} ms", indexed.size(),
                indexCorpus ? "corpus" : "query", index.chunkCount(), index.radius(), (System.nanoTime() - t0) / 1_000_000);
        List<Pair> pairs = scan(streamed, index, threads, (s, i, d) -> indexCorpus ? new Pair(s, i, d) : new Pair(i, s, d));
        pairs.sort((a, b) -> a.query() != b.query() ? Integer.compare(a.query(), b.query())
                : Integer.compare(a.corpus(), b.corpus()));
        return pairs;
    }

    /** Builds a pair from (streamed index, indexed index, distance). */
    @FunctionalInterface
    interface PairMaker {
        Pair make(int streamed, int indexed, int distance);
    }

    static List<Pair> scan(PdqHashTable streamed, MultiIndexHash index, int threads, PairMaker maker)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        try {
            List<Future<List<Pair>>> parts = new ArrayList<>();
            for (int from = 0; from < streamed.size(); from += SLICE) {
                int start = from;
                int end = Math.min(streamed.size(), from + SLICE);
                parts.add(pool.submit(() -> {
                    List<Pair> out = new ArrayList<>();
                    for (int s = start; s < end; s++) {
                        int si = s;
                        index.search(streamed.hashLong(s, 0), streamed.hashLong(s, 1), streamed.hashLong(s, 2),
                                streamed.hashLong(s, 3), (i, d) -> out.add(maker.make(si, i, d)));
                    }
                    progress(done.addAndGet(end - start), streamed.size(), t0);
                    return out;
                }));
            }
            List<Pair> all = new ArrayList<>();
            for (Future<List<Pair>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("match worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void progress(long done, long total, long t0) {
        if (done % (SLICE * 256L) < SLICE || done == total) {
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = done / Math.max(secs, 1e-9);
            LOG.info("matched {}/{} hashes, {} /s, ETA {} s", done, total, Math.round(rate),
                    Math.round((total - done) / Math.max(rate, 1e-9)));
        }
    }
}
