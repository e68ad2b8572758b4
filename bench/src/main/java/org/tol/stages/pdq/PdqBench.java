package org.tol.stages.pdq;

import java.util.Random;
import org.tol.api.image.RgbImage;
import org.tol.io.image.SyntheticImages;

/**
 * {@code tol bench pdq}: hashing speed on in-memory 720x540 RGB arrays (no decode; the size of a stored
 * TreeOfLife-200M image) on one core, and match speed: queries per second against an index of random
 * hashes at a given distance, half of the queries planted near a corpus hash so the verify path runs.
 */
public final class PdqBench {
    /**
     * Wall-clock rate, and the rate per second of this thread's CPU time, which stays meaningful when other
     * processes share the cores.
     */
    public record HashResult(int width, int height, long hashes, double seconds, double hashesPerSecondPerCore,
            double cpuSeconds, double hashesPerCpuSecond) {}

    public record MatchResult(int corpus, int queries, int maxDistance, int chunks, int radius, double buildSeconds,
            long matches, double seconds, double queriesPerSecond, int threads) {}

    private PdqBench() {}

    public static HashResult hashing(int width, int height, double seconds) {
        Random rnd = new Random(42);
        RgbImage[] images = new RgbImage[4];
        for (int i = 0; i < images.length; i++) {
            images[i] = SyntheticImages.render(rnd, width, height);
        }
        PdqHasher hasher = new PdqHasher();
        long sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int k = 0;
        while (System.nanoTime() < warmEnd) {
            sink += hasher.hash(images[k++ & 3]).quality();
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long n = 0;
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long now;
        do {
            sink += hasher.hash(images[(int) (n & 3)]).quality();
            n++;
            now = System.nanoTime();
        } while (now < end);
        double secs = (now - t0) / 1e9;
        double cpuSecs = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        if (sink == Long.MIN_VALUE) {
            throw new AssertionError("unreachable; keeps the JIT from dropping the hashing");
        }
        return new HashResult(width, height, n, secs, n / secs, cpuSecs, n / cpuSecs);
    }

    public static MatchResult matching(int corpusSize, int queries, int maxDistance, int threads) throws InterruptedException {
        Random rnd = new Random(7);
        PdqHashTable corpus = new PdqHashTable();
        for (int i = 0; i < corpusSize; i++) {
            corpus.add(Integer.toString(i), PdqHash.ofLongs(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()), 100);
        }
        PdqHashTable q = new PdqHashTable();
        for (int i = 0; i < queries; i++) {
            long[] h = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
            if ((i & 1) == 0) {
                int j = rnd.nextInt(corpusSize);
                for (int w = 0; w < 4; w++) {
                    h[w] = corpus.hashLong(j, w);
                }
                for (int f = rnd.nextInt(maxDistance + 1); f > 0; f--) {
                    int b = rnd.nextInt(256);
                    h[b >>> 6] ^= 1L << (b & 63);
                }
            }
            q.add("q" + i, PdqHash.ofLongs(h[0], h[1], h[2], h[3]), 100);
        }
        long t0 = System.nanoTime();
        MultiIndexHash index = MultiIndexHash.build(corpus.hashes(), corpus.size(), maxDistance);
        double build = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        long found = PdqMatcher.scan(q, index, threads, (s, i, d) -> new PdqMatcher.Pair(s, i, d)).size();
        double secs = (System.nanoTime() - t1) / 1e9;
        return new MatchResult(corpusSize, queries, maxDistance, index.chunkCount(), index.radius(), build, found,
                secs, queries / secs, threads);
    }
}
