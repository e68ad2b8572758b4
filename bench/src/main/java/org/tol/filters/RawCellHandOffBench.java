package org.tol.filters;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tol.api.image.RgbImage;
import org.tol.io.image.RawBgr;
import org.tol.io.image.SyntheticImages;

/**
 * A filter's preparation of raw BGR cells (TreeOfLife-200M's stored pixels) both ways, on one thread, in
 * alternating rounds: {@code decoded}, what the runtime did before {@code prepareBgr} (the decoder's RGB copy and
 * swap, {@code RawBgr.toRgb}, then {@code prepare}), and {@code raw}, {@code prepareBgr} reading the cell in
 * place. Images per thread-CPU-second and per wall second, medians over the rounds, and raw/decoded.
 */
public final class RawCellHandOffBench {
    /** Keeps the prepared results observable, so the JIT cannot drop the work. */
    private static volatile int sink;

    private RawCellHandOffBench() {}

    /** A filter's {@code prepare}. */
    @FunctionalInterface
    public interface RgbPrep {
        Object prepare(RgbImage image) throws Exception;
    }

    /** A filter's {@code prepareBgr}. */
    @FunctionalInterface
    public interface BgrPrep {
        Object prepareBgr(byte[] bgr, int offset, int width, int height) throws Exception;
    }

    /** Eight synthetic images stored as raw BGR cells. */
    public static byte[][] cells(int width, int height) {
        byte[][] cells = new byte[8][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = RawBgr.fromRgb(SyntheticImages.render(new Random(i), width, height));
        }
        return cells;
    }

    public static Map<String, Object> compare(RgbPrep rgb, BgrPrep bgr, byte[][] cells, int width, int height,
            int images, int rounds) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] cpuRate = new double[2][rounds];
        double[][] wallRate = new double[2][rounds];
        pass(rgb, bgr, cells, width, height, Math.min(images, 8), false, mx); // warm-up, both paths
        pass(rgb, bgr, cells, width, height, Math.min(images, 8), true, mx);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int raw = (k + r) % 2; // A B, B A, ...: neither path always runs first
                double[] t = pass(rgb, bgr, cells, width, height, images, raw == 1, mx);
                cpuRate[raw][r] = images / t[0];
                wallRate[raw][r] = images / t[1];
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rounds", rounds);
        out.put("decoded_images_per_cpu_s", median(cpuRate[0]));
        out.put("raw_images_per_cpu_s", median(cpuRate[1]));
        out.put("raw_vs_decoded_cpu", median(cpuRate[1]) / median(cpuRate[0]));
        out.put("decoded_images_per_s", median(wallRate[0]));
        out.put("raw_images_per_s", median(wallRate[1]));
        out.put("raw_vs_decoded_wall", median(wallRate[1]) / median(wallRate[0]));
        return out;
    }

    /** Thread CPU seconds and wall seconds of {@code images} preparations. */
    private static double[] pass(RgbPrep rgb, BgrPrep bgr, byte[][] cells, int w, int h, int images, boolean raw,
            ThreadMXBean mx) throws Exception {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int kept = 0;
        for (int i = 0; i < images; i++) {
            byte[] cell = cells[i % cells.length];
            Object p = raw ? bgr.prepareBgr(cell, 0, w, h) : rgb.prepare(RawBgr.toRgb(cell, w, h));
            kept += p.hashCode() & 1; // keep the result alive
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        sink += kept;
        return new double[] {cpu, wall};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
