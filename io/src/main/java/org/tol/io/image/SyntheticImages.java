package org.tol.io.image;

import java.util.Random;
import org.tol.api.image.RgbImage;

/**
 * Deterministic synthetic pictures with the variety filters meet in real data: smooth gradients (cheap
 * to compress, like sky or backgrounds), hard-edged shapes (like specimens on a sheet), and noise (like
 * texture). Integer arithmetic only, so the same seed gives the same bytes on every JVM. {@code tol sample make}
 * draws its images with it (its output must stay byte-identical for a seed) and the benches use it for
 * photo-like inputs.
 */
public final class SyntheticImages {
    private SyntheticImages() {}

    /** A {@code w x h} picture drawn from {@code rnd}: a gradient, 2-8 rectangles or ellipses, then noise. */
    public static RgbImage render(Random rnd, int w, int h) {
        byte[] px = new byte[w * h * 3];
        int[] c0 = color(rnd);
        int[] c1 = color(rnd);
        boolean vertical = rnd.nextBoolean();
        int span = Math.max(1, (vertical ? h : w) - 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int t = vertical ? y : x;
                int o = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    px[o + c] = (byte) (c0[c] + (c1[c] - c0[c]) * t / span);
                }
            }
        }
        int shapes = 2 + rnd.nextInt(7);
        for (int s = 0; s < shapes; s++) {
            int[] col = color(rnd);
            int sw = 1 + rnd.nextInt(Math.max(1, w / 2));
            int sh = 1 + rnd.nextInt(Math.max(1, h / 2));
            int sx = rnd.nextInt(w);
            int sy = rnd.nextInt(h);
            boolean ellipse = rnd.nextBoolean();
            fillShape(px, w, h, sx, sy, sw, sh, ellipse, col);
        }
        int noise = rnd.nextInt(4) == 0 ? 24 : 4;
        addNoise(px, rnd, noise);
        return new RgbImage(w, h, px);
    }

    /**
     * A near-duplicate: same picture with a small global change ({@code "noise"} or {@code "brightness"}) PDQ
     * should see through.
     */
    public static RgbImage perturb(RgbImage src, String kind, Random rnd) {
        byte[] px = src.pixels().clone();
        switch (kind) {
            case "noise" -> addNoise(px, rnd, 6);
            case "brightness" -> {
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) Math.min(255, (px[i] & 0xFF) + 12);
                }
            }
            default -> throw new IllegalArgumentException("unknown perturbation " + kind);
        }
        return new RgbImage(src.width(), src.height(), px);
    }

    private static void fillShape(byte[] px, int w, int h, int sx, int sy, int sw, int sh, boolean ellipse, int[] col) {
        long rx = Math.max(1, sw / 2);
        long ry = Math.max(1, sh / 2);
        for (int y = Math.max(0, sy); y < Math.min(h, sy + sh); y++) {
            for (int x = Math.max(0, sx); x < Math.min(w, sx + sw); x++) {
                if (ellipse) {
                    long dx = x - sx - rx;
                    long dy = y - sy - ry;
                    if (dx * dx * ry * ry + dy * dy * rx * rx > rx * rx * ry * ry) {
                        continue;
                    }
                }
                int o = (y * w + x) * 3;
                px[o] = (byte) col[0];
                px[o + 1] = (byte) col[1];
                px[o + 2] = (byte) col[2];
            }
        }
    }

    private static void addNoise(byte[] px, Random rnd, int amplitude) {
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xFF) + rnd.nextInt(2 * amplitude + 1) - amplitude;
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    private static int[] color(Random rnd) {
        return new int[] {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)};
    }
}
