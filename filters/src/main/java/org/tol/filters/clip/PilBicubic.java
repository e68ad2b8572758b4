package org.tol.filters.clip;

/**
 * Pillow's {@code Image.resize(size, BICUBIC)} for 8-bit RGB, reproduced bit for bit: cubic kernel with
 * a = -0.5, support widened by the scale factor when downscaling (antialiasing), coefficients normalised then
 * quantised to 22 fractional bits, a horizontal pass rounded and clipped to uint8, then a vertical pass
 * (Pillow's {@code libImaging/Resample.c}, {@code precompute_coeffs}, {@code normalize_coeffs_8bpc},
 * {@code ImagingResampleHorizontal_8bpc}/{@code Vertical_8bpc}).
 *
 * <p>Only the pixels inside a crop window are computed (CLIP centre-crops right after resizing), which is the
 * same result as resizing fully and cropping because every output pixel depends only on its own taps.
 */
final class PilBicubic {
    static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    /** Per-output-position tap window and quantised weights, as Pillow precomputes them. */
    record Coeffs(int[] start, int[] count, int[] weights, int stride) {}

    private PilBicubic() {}

    static double cubic(double x) {
        final double a = -0.5;
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    static Coeffs coeffs(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = 2.0 * filterscale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[] weights = new int[outSize * ksize];
        double[] k = new double[ksize];
        double ss = 1.0 / filterscale;
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            int xmin = (int) (center - support + 0.5); // C cast: truncation toward zero, as in Pillow
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                k[x] = cubic((x + xmin - center + 0.5) * ss);
                ww += k[x];
            }
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                weights[xx * ksize + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                        : (int) (0.5 + w * (1 << PRECISION_BITS));
            }
            start[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coeffs(start, count, weights, ksize);
    }

    private static int clip8(int v) {
        int s = v >> PRECISION_BITS;
        return s < 0 ? 0 : Math.min(s, 255);
    }

    /** Rows per block of the horizontal pass: a block of 720-px rows stays in L2 while every column visits it. */
    private static final int ROW_BLOCK = 32;

    /**
     * Horizontal pass for input rows {@code [rowFrom, rowTo)} and output columns {@code [colFrom, colFrom+cols)}
     * of an interleaved RGB image of width {@code inW}; writes {@code cols*3} uint8 values per row (as ints, so
     * the vertical pass needs no widening) into {@code tmp}, whose first row is input row {@code tmpRow0}.
     *
     * <p>Column-outer inside blocks of rows, so each column's weights stay in registers; the usual tap counts
     * (4–8: upscaling and downscaling by up to 2x) have unrolled kernels ({@link #taps6}, {@link #taps8}). Integer sums do not depend on the
     * order, so this equals Pillow's row-by-row loop exactly.
     */
    static void horizontal(byte[] src, int inW, int rowFrom, int rowTo, Coeffs c, int colFrom, int cols, int[] tmp,
            int tmpRow0) {
        int[] start = c.start();
        int[] count = c.count();
        int[] w = c.weights();
        int stride = c.stride();
        int rowLen = inW * 3;
        int rb = cols * 3;
        for (int y0 = rowFrom; y0 < rowTo; y0 += ROW_BLOCK) {
            int y1 = Math.min(rowTo, y0 + ROW_BLOCK);
            for (int xx = colFrom; xx < colFrom + cols; xx++) {
                int n = count[xx];
                int kb = xx * stride;
                int o = (y0 - tmpRow0) * rb + (xx - colFrom) * 3;
                int p0 = y0 * rowLen + start[xx] * 3;
                if (n >= 4 && n <= 6) {
                    taps6(src, w, kb, n, p0, rowLen, y1 - y0, tmp, o, rb);
                } else if (n >= 7 && n <= 8) {
                    taps8(src, w, kb, n, p0, rowLen, y1 - y0, tmp, o, rb);
                } else {
                    for (int y = y0; y < y1; y++, o += rb, p0 += rowLen) {
                        for (int ch = 0; ch < 3; ch++) {
                            int v = HALF;
                            for (int t = 0, p = p0 + ch; t < n; t++, p += 3) {
                                v += (src[p] & 0xff) * w[kb + t];
                            }
                            tmp[o + ch] = clip8(v);
                        }
                    }
                }
            }
        }
    }

    /**
     * Up to 6 taps with the weights in registers; missing taps get weight 0 and re-read the first tap (in
     * bounds, adds nothing).
     */
    private static void taps6(byte[] src, int[] w, int kb, int n, int p0, int rowLen, int rows, int[] tmp, int o, int rb) {
        int k0 = w[kb];
        int k1 = w[kb + 1];
        int k2 = w[kb + 2];
        int k3 = w[kb + 3];
        int k4 = n > 4 ? w[kb + 4] : 0;
        int k5 = n > 5 ? w[kb + 5] : 0;
        int d4 = n > 4 ? 12 : 0;
        int d5 = n > 5 ? 15 : 0;
        for (int r = 0; r < rows; r++, o += rb, p0 += rowLen) {
            for (int ch = 0, p = p0; ch < 3; ch++, p++) {
                int v = HALF + (src[p] & 0xff) * k0 + (src[p + 3] & 0xff) * k1 + (src[p + 6] & 0xff) * k2
                        + (src[p + 9] & 0xff) * k3 + (src[p + d4] & 0xff) * k4 + (src[p + d5] & 0xff) * k5;
                tmp[o + ch] = clip8(v);
            }
        }
    }

    /** 7 or 8 taps, as {@link #taps6}. */
    private static void taps8(byte[] src, int[] w, int kb, int n, int p0, int rowLen, int rows, int[] tmp, int o, int rb) {
        int k0 = w[kb];
        int k1 = w[kb + 1];
        int k2 = w[kb + 2];
        int k3 = w[kb + 3];
        int k4 = w[kb + 4];
        int k5 = w[kb + 5];
        int k6 = w[kb + 6];
        int k7 = n > 7 ? w[kb + 7] : 0;
        int d7 = n > 7 ? 21 : 0;
        for (int r = 0; r < rows; r++, o += rb, p0 += rowLen) {
            for (int ch = 0, p = p0; ch < 3; ch++, p++) {
                int v = HALF + (src[p] & 0xff) * k0 + (src[p + 3] & 0xff) * k1 + (src[p + 6] & 0xff) * k2
                        + (src[p + 9] & 0xff) * k3 + (src[p + 12] & 0xff) * k4 + (src[p + 15] & 0xff) * k5
                        + (src[p + 18] & 0xff) * k6 + (src[p + d7] & 0xff) * k7;
                tmp[o + ch] = clip8(v);
            }
        }
    }

    /**
     * Vertical pass for output rows {@code [rowFrom, rowFrom+rows)}: {@code src} holds interleaved rows of
     * {@code rowBytes} values starting at input row {@code srcRow0}. Each finished uint8 row goes to {@code sink}
     * as row {@code yy - outRow0}.
     * Accumulates whole rows tap by tap (integer sums are order-independent, so this equals Pillow's per-pixel
     * loop) so the JIT can vectorise the inner loop.
     */
    static void vertical(int[] src, int rowBytes, int srcRow0, Coeffs c, int rowFrom, int rows, int[] acc, int outRow0,
            RowSink sink) {
        int[] start = c.start();
        int[] count = c.count();
        int[] w = c.weights();
        int stride = c.stride();
        for (int yy = rowFrom; yy < rowFrom + rows; yy++) {
            java.util.Arrays.fill(acc, 0, rowBytes, HALF);
            int n = count[yy];
            for (int t = 0; t < n; t++) {
                int k = w[yy * stride + t];
                int off = (start[yy] + t - srcRow0) * rowBytes;
                for (int i = 0; i < rowBytes; i++) {
                    acc[i] += src[off + i] * k;
                }
            }
            for (int i = 0; i < rowBytes; i++) {
                acc[i] = clip8(acc[i]);
            }
            sink.row(yy - outRow0, acc);
        }
    }

    /** Receives one finished output row as uint8 values in {@code acc[0 .. rowBytes)}. */
    @FunctionalInterface
    interface RowSink {
        void row(int index, int[] values);
    }
}
