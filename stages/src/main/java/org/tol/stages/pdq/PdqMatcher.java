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
 * Streams a table of hashes through a {@link MultiIndexHash} on several threads (slices of the table) and
 * returns every pair within the index's distance, in table order, so the result does not depend on threads.
 */
public final class PdqMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PdqMatcher.class);
    private static final int SLICE = 4096;

    /** One matching pair: indices into the query and corpus tables, and the distance. */
    public record Pair(int query, int corpus, int distance) {}

    private PdqMatcher() {}

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
