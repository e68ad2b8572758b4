package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * processes share the cores. With rounds, the medians over the rounds.
     */
    public record HashResult(int width, int height, String lumaPrecision, long hashes, double seconds,
            double hashesPerSecondPerCore, double cpuSeconds, double hashesPerCpuSecond, int rounds,
            Reference reference, double loadAverage) {}

    /**
     * Meta's C++ core run by {@code --reference-cmd} on the same arrays, interleaved with tol's rounds (tol,
     * C++, tol, C++, ...): medians, and tol's rate over the reference's (> 1: tol is faster).
     * {@code sameHashes}: the C++ hashes equal tol's with float luma (its arithmetic) on every array.
     */
    public record Reference(String command, double hashesPerSecond, double hashesPerCpuSecond, double ratioWall,
            double ratioPerCpuSecond, boolean sameHashes, List<Double> tolPerCpuSecond, List<Double> referencePerCpuSecond) {}

    public record MatchResult(int corpus, int queries, int maxDistance, int chunks, int radius, double buildSeconds,
            long matches, double seconds, double queriesPerSecond, int threads) {}

    private PdqBench() {}

    /** The bench's arrays: four synthetic 720x540-style pictures, the same bytes on every JVM. */
    public static RgbImage[] images(int width, int height) {
        Random rnd = new Random(42);
        RgbImage[] images = new RgbImage[4];
        for (int i = 0; i < images.length; i++) {
            images[i] = SyntheticImages.render(rnd, width, height);
        }
        return images;
    }

    public static HashResult hashing(int width, int height, double seconds) throws IOException, InterruptedException {
        return hashing(width, height, seconds, LumaPrecision.DOUBLE, 1, null);
    }

    /** {@code rounds} timed runs of {@code seconds} each; a reference driver, when given, runs after each. */
    public static HashResult hashing(int width, int height, double seconds, LumaPrecision luma, int rounds,
            Path referenceCmd) throws IOException, InterruptedException {
        RgbImage[] images = images(width, height);
        PdqReferenceDriver ref = referenceCmd == null ? null : PdqReferenceDriver.prepare(referenceCmd, images);
        PdqHasher hasher = new PdqHasher(luma);
        List<double[]> tol = new ArrayList<>();
        List<PdqReferenceDriver.Run> cpp = new ArrayList<>();
        try {
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            for (int k = 0; System.nanoTime() < warmEnd; k++) {
                SINK[0] += hasher.hash(images[k & 3]).quality();
            }
            for (int r = 0; r < Math.max(1, rounds); r++) {
                tol.add(timed(hasher, images, seconds));
                if (ref != null) {
                    cpp.add(ref.run(seconds));
                }
            }
        } finally {
            if (ref != null) {
                ref.close();
            }
        }
        long n = (long) median(tol, 0);
        double perCpu = median(tol, 3);
        Reference reference = null;
        if (ref != null) {
            double refWall = median(cpp.stream().map(c -> new double[] {c.hashesPerSecond()}).toList(), 0);
            double refCpu = median(cpp.stream().map(c -> new double[] {c.hashesPerCpuSecond()}).toList(), 0);
            reference = new Reference(referenceCmd.toString(), refWall, refCpu, median(tol, 2) / refWall, perCpu / refCpu,
                    sameAsFloatLuma(images, cpp.get(0).hashes256()),
                    tol.stream().map(t -> t[3]).toList(), cpp.stream().map(PdqReferenceDriver.Run::hashesPerCpuSecond).toList());
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new HashResult(width, height, luma.label(), n, median(tol, 1), median(tol, 2), median(tol, 4), perCpu,
                tol.size(), reference, load);
    }

    private static final long[] SINK = new long[1];

    /** One timed run: {hashes, wall s, hashes/s, hashes per CPU-second, CPU s}. */
    private static double[] timed(PdqHasher hasher, RgbImage[] images, double seconds) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long n = 0;
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long now;
        long sink = 0;
        do {
            sink += hasher.hash(images[(int) (n & 3)]).quality();
            n++;
            now = System.nanoTime();
        } while (now < end);
        SINK[0] += sink; // keeps the JIT from dropping the hashing
        double secs = (now - t0) / 1e9;
        double cpuSecs = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        return new double[] {n, secs, n / secs, n / cpuSecs, cpuSecs};
    }

    private static double median(List<double[]> runs, int field) {
        double[] v = runs.stream().mapToDouble(r -> r[field]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** True when the driver's "hex quality" lines equal tol's float-luma results on every array. */
    private static boolean sameAsFloatLuma(RgbImage[] images, List<String> reference) {
        PdqHasher f = new PdqHasher(LumaPrecision.FLOAT);
        if (reference.size() != images.length) {
            return false;
        }
        for (int i = 0; i < images.length; i++) {
            PdqResult r = f.hash(images[i]);
            if (!reference.get(i).equals(r.hash().toHex() + " " + r.quality())) {
                return false;
            }
        }
        return true;
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
