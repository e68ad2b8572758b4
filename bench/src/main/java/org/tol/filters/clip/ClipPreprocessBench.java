package org.tol.filters.clip;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tol.io.image.SyntheticImages;

/**
 * The work {@code tol bench clip-preprocess} times: a raw BGR cell (as stored in TOL-200M Parquet) straight
 * into {@link ClipPreprocessor#prepareBgrInto} (what {@code tol filter clip} does with a raw cell), into a
 * per-thread tensor. Warms up first so the JIT has compiled the loops; varied pixel content so nothing is
 * constant-folded. The same cells can be written out for the reference script ({@link ClipPreprocessReference}).
 */
public final class ClipPreprocessBench implements AutoCloseable {
    /**
     * {@code cpuSeconds} is the worker threads' own CPU time: on a shared or oversubscribed machine
     * {@code images / cpuSeconds} is the fairer per-core figure, as it excludes time spent descheduled.
     */
    public record Result(long images, double seconds, double imagesPerSecond, double cpuSeconds) {
        public double imagesPerCpuSecond() {
            return images / cpuSeconds;
        }
    }

    private final int width;
    private final int height;
    private final int threads;
    private final byte[][] cells = new byte[8][];
    private final ClipPreprocessor pre = new ClipPreprocessor();
    private final ExecutorService pool;

    public ClipPreprocessBench(int width, int height, int threads) {
        this.width = width;
        this.height = height;
        this.threads = threads;
        for (int i = 0; i < cells.length; i++) {
            // A photo-like picture's bytes stand in for the raw BGR cell (channel order does not change the cost).
            cells[i] = SyntheticImages.render(new Random(i), width, height).pixels();
        }
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** One-shot: warm-up, then one measured run (what the command does without a reference). */
    public static Result run(int width, int height, int threads, double seconds) throws Exception {
        try (ClipPreprocessBench b = new ClipPreprocessBench(width, height, threads)) {
            b.measure(Math.min(2.0, seconds));
            return b.measure(seconds);
        }
    }

    public int cellCount() {
        return cells.length;
    }

    /** The cells, concatenated, for the reference script. */
    public void writeCells(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var out = Files.newOutputStream(file)) {
            for (byte[] c : cells) {
                out.write(c);
            }
        }
    }

    /** sha256 of tol's float32 tensor for the first cell, little-endian, as the reference script prints it. */
    public String firstTensorSha256() throws NoSuchAlgorithmException {
        float[] t = new float[pre.tensorLength()];
        pre.prepareBgrInto(cells[0], 0, width, height, t, 0);
        ByteBuffer b = ByteBuffer.allocate(t.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(t);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    /** Runs every thread for {@code seconds}; images, wall and the threads' CPU time. */
    public Result measure(double seconds) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long[] cpuNanos = new long[1];
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int offset = t;
            futures.add(pool.submit(() -> {
                long count = 0;
                float sink = 0;
                float[] tensor = new float[pre.tensorLength()]; // reused, as the runtime's batch slots would be
                long cpu0 = mx.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    pre.prepareBgrInto(cells[(int) ((count + offset) % cells.length)], 0, width, height, tensor, 0);
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
        double dt = (System.nanoTime() - t0) / 1e9;
        return new Result(total, dt, total / dt, cpuNanos[0] / 1e9);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
