package org.tol.stages.pdq;

import org.tol.api.image.RgbImage;

/**
 * Image resizing used only to reproduce the pre-resize of other PDQ tools: nearest neighbour (CImg's
 * default in the C++ hasher) and a separable bicubic with antialiasing in the style of PIL's
 * {@code Image.resize(BICUBIC)} (what {@code Image.thumbnail} uses in the pure-Python hasher).
 */
final class Resampler {
    private Resampler() {}

    /** Nearest neighbour: output pixel x takes source floor(x * W / newW). */
    static RgbImage nearest(RgbImage img, int nw, int nh) {
        int w = img.width();
        byte[] src = img.pixels();
        byte[] dst = new byte[nw * nh * 3];
        int[] sx = new int[nw];
        for (int x = 0; x < nw; x++) {
            sx[x] = (int) ((long) x * w / nw);
        }
        for (int y = 0; y < nh; y++) {
            int syOff = (int) ((long) y * img.height() / nh) * w;
            for (int x = 0; x < nw; x++) {
                System.arraycopy(src, (syOff + sx[x]) * 3, dst, (y * nw + x) * 3, 3);
            }
        }
        return new RgbImage(nw, nh, dst);
    }

    /** Bicubic (a = -0.5) with the kernel widened by the scale factor when shrinking, like PIL. */
    static RgbImage bicubic(RgbImage img, int nw, int nh) {
        int w = img.width();
        int h = img.height();
        byte[] horizontal = new byte[h * nw * 3];
        Coefficients cx = Coefficients.of(w, nw);
        for (int y = 0; y < h; y++) {
            cx.apply(img.pixels(), y * w * 3, 3, horizontal, y * nw * 3, 3);
        }
        byte[] out = new byte[nh * nw * 3];
        Coefficients cy = Coefficients.of(h, nh);
        for (int x = 0; x < nw * 3; x++) {
            cy.apply(horizontal, x, nw * 3, out, x, nw * 3);
        }
        return new RgbImage(nw, nh, out);
    }

    private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0;
    }

    /** Per output sample: the first source index and normalised weights. */
    private record Coefficients(int[] start, double[][] weights) {
        static Coefficients of(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(scale, 1.0);
            double support = 2.0 * filterScale;
            int[] start = new int[out];
            double[][] weights = new double[out][];
            for (int o = 0; o < out; o++) {
                double center = (o + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), in);
                double[] k = new double[max - min];
                double total = 0;
                for (int i = 0; i < k.length; i++) {
                    k[i] = cubic((i + min - center + 0.5) / filterScale);
                    total += k[i];
                }
                for (int i = 0; i < k.length; i++) {
                    k[i] = total == 0 ? 0 : k[i] / total;
                }
                start[o] = min;
                weights[o] = k;
            }
            return new Coefficients(start, weights);
        }

        /** Resamples one line of interleaved samples (step = distance between neighbours). */
        void apply(byte[] src, int srcOff, int srcStep, byte[] dst, int dstOff, int dstStep) {
            int channels = srcStep == 3 ? 3 : 1;
            for (int o = 0; o < start.length; o++) {
                double[] k = weights[o];
                for (int c = 0; c < channels; c++) {
                    double s = 0;
                    int p = srcOff + start[o] * srcStep + c;
                    for (int i = 0; i < k.length; i++, p += srcStep) {
                        s += k[i] * (src[p] & 0xFF);
                    }
                    dst[dstOff + o * dstStep + c] = (byte) Math.max(0, Math.min(255, Math.round(s)));
                }
            }
        }
    }
}
