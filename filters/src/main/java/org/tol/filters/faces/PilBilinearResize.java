package org.tol.filters.faces;

/**
 * Pillow's {@code Image.resize(size, BILINEAR)} for 8-bit RGB, which torchvision's {@code Resize} runs on
 * the PIL images the reference feeds MTCNN: a triangle filter widened by the scale when shrinking
 * (antialias), weights rounded to 22-bit fixed point, a horizontal pass then a vertical pass, each rounded
 * and clipped back to 8 bits. Re-implemented from Pillow's {@code Resample.c} so the 720x720 working
 * image matches the reference byte for byte.
 */
public final class PilBilinearResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PilBilinearResize() {}

    /** Resizes interleaved RGB {@code w x h} to {@code outW x outH}; returns the input itself when sizes agree. */
    public static byte[] resize(byte[] rgb, int w, int h, int outW, int outH) {
        byte[] cur = rgb;
        if (outW != w) {
            cur = horizontal(cur, w, h, outW, Coefficients.of(w, outW));
        }
        if (outH != h) {
            cur = vertical(cur, outW, h, outH, Coefficients.of(h, outH));
        }
        return cur;
    }

    private static byte[] horizontal(byte[] in, int w, int h, int outW, Coefficients k) {
        byte[] out = new byte[outW * h * 3];
        for (int y = 0; y < h; y++) {
            int row = y * w * 3;
            for (int x = 0; x < outW; x++) {
                int lo = k.min[x];
                int[] ws = k.weights[x];
                for (int c = 0; c < 3; c++) {
                    int ss = 1 << (PRECISION_BITS - 1);
                    for (int i = 0; i < ws.length; i++) {
                        ss += (in[row + (lo + i) * 3 + c] & 0xFF) * ws[i];
                    }
                    out[(y * outW + x) * 3 + c] = clip8(ss);
                }
            }
        }
        return out;
    }

    private static byte[] vertical(byte[] in, int w, int h, int outH, Coefficients k) {
        byte[] out = new byte[w * outH * 3];
        int stride = w * 3;
        for (int y = 0; y < outH; y++) {
            int lo = k.min[y];
            int[] ws = k.weights[y];
            for (int xc = 0; xc < stride; xc++) {
                int ss = 1 << (PRECISION_BITS - 1);
                for (int i = 0; i < ws.length; i++) {
                    ss += (in[(lo + i) * stride + xc] & 0xFF) * ws[i];
                }
                out[y * stride + xc] = clip8(ss);
            }
        }
        return out;
    }

    private static byte clip8(int ss) {
        int v = ss >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    /** Per output index: first source index and fixed-point weights (Pillow's precompute_coeffs + normalize_coeffs_8bpc). */
    static final class Coefficients {
        final int[] min;
        final int[][] weights;

        private Coefficients(int n) {
            min = new int[n];
            weights = new int[n][];
        }

        static Coefficients of(int inSize, int outSize) {
            Coefficients k = new Coefficients(outSize);
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // bilinear support 1.0, widened when shrinking
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
                double[] w = new double[Math.max(xmax, 0)];
                double sum = 0;
                for (int x = 0; x < w.length; x++) {
                    double t = Math.abs((x + xmin - center + 0.5) * ss);
                    w[x] = t < 1.0 ? 1.0 - t : 0.0;
                    sum += w[x];
                }
                int[] fixed = new int[w.length];
                for (int x = 0; x < w.length; x++) {
                    double v = sum != 0.0 ? w[x] / sum : w[x];
                    fixed[x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
                }
                k.min[xx] = xmin;
                k.weights[xx] = fixed;
            }
            return k;
        }
    }
}
