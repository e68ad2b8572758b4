package org.tol.stages.pdq;

import java.util.Random;
import org.tol.api.image.RgbImage;

/**
 * Smooth sine patterns plus noise: PDQ quality 100 and a hash that brightening keeps, which the dedup tests'
 * tie-break expectations rely on (the bench uses {@link org.tol.io.image.SyntheticImages} instead).
 */
final class PdqTestImages {
    private PdqTestImages() {}

    static RgbImage syntheticPhoto(Random rnd, int w, int h) {
        byte[] px = new byte[w * h * 3];
        double fx = 0.01 + rnd.nextDouble() * 0.05;
        double fy = 0.01 + rnd.nextDouble() * 0.05;
        for (int y = 0, o = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128 + 60 * Math.sin(x * fx) * Math.cos(y * fy);
                for (int c = 0; c < 3; c++, o++) {
                    px[o] = (byte) Math.max(0, Math.min(255, (int) v + rnd.nextInt(32) - 16 + c * 10));
                }
            }
        }
        return new RgbImage(w, h, px);
    }
}
