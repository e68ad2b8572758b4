package org.tol.filters.clip;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tol.api.image.DecodeResult;
import org.tol.io.image.ImageDecoder;
import org.tol.io.image.SyntheticImages;

/**
 * The work {@code tol bench clip-preprocess} times: a raw BGR cell (as stored in TOL-200M Parquet) through
 * {@link ImageDecoder} to RGB, then {@link ClipPreprocessor#prepare}. Warms up first so the JIT has compiled
 * the loops; varied pixel content so nothing is constant-folded.
 */
public final class ClipPreprocessBench {
    /**
     * {@code cpuSeconds} is the worker threads' own CPU time: on a shared or oversubscribed machine
     * {@code images / cpuSeconds} is the fairer per-core figure, as it excludes time spent descheduled.
     */
    public record Result(long images, double seconds, double imagesPerSecond, double cpuSeconds) {
        public double imagesPerCpuSecond() {
            return images / cpuSeconds;
        }
    }

    private ClipPreprocessBench() {}

    public static Result run(int width, int height, int threads, double seconds) throws Exception {
        byte[][] cells = new byte[8][];
        for (int i = 0; i < cells.length; i++) {
            // A photo-like picture's bytes stand in for the raw BGR cell (channel order does not change the cost).
            cells[i] = SyntheticImages.render(new Random(i), width, height).pixels();
        }
        long[] size = {height, width};
        ClipPreprocessor pre = new ClipPreprocessor();
        ImageDecoder decoder = new ImageDecoder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runFor(pool, threads, Math.min(2.0, seconds), cells, size, decoder, pre, new long[1]); // warm-up
            long[] cpuNanos = new long[1];
            long t0 = System.nanoTime();
            long n = runFor(pool, threads, seconds, cells, size, decoder, pre, cpuNanos);
            double dt = (System.nanoTime() - t0) / 1e9;
            return new Result(n, dt, n / dt, cpuNanos[0] / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long runFor(ExecutorService pool, int threads, double seconds, byte[][] cells, long[] size,
            ImageDecoder decoder, ClipPreprocessor pre, long[] cpuNanos) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int offset = t;
            futures.add(pool.submit(() -> {
                long count = 0;
                float sink = 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    DecodeResult r = decoder.decode(cells[(int) ((count + offset) % cells.length)], size, size);
                    float[] tensor = pre.prepare(r.image());
                    sink += tensor[(int) (count % tensor.length)];
                    count++;
                }
                synchronized (cpuNanos) {
                    cpuNanos[0] += mx.getCurrentThreadCpuTime() - cpu0;
                }
                return sink == Float.MIN_VALUE ? -1 : count; // keep the result alive
            }));
        }
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        return total;
    }
}
