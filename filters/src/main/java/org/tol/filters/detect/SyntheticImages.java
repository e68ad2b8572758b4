package org.tol.filters.detect;

import java.util.Random;
import org.tol.api.image.RgbImage;

/** Deterministic photo-like test pictures for the pre/post-processing benchmarks: a gradient, blocks and noise. */
public final class SyntheticImages {
    private SyntheticImages() {}

    public static RgbImage render(int w, int h, long seed) {
        Random rnd = new Random(seed);
        byte[] px = new byte[w * h * 3];
        int[] a = {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)};
        int[] b = {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                boolean block = ((x / 64) + (y / 48)) % 5 == 0;
                for (int c = 0; c < 3; c++) {
                    int v = block ? b[c] : a[c] + (b[c] - a[c]) * x / Math.max(1, w - 1);
                    px[o + c] = (byte) Math.max(0, Math.min(255, v + rnd.nextInt(9) - 4));
                }
            }
        }
        return new RgbImage(w, h, px);
    }
}
