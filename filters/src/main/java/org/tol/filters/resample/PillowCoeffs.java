package org.tol.filters.resample;

/**
 * Per-output-position tap window and quantised weights of one resampling axis, as Pillow precomputes them
 * ({@code precompute_coeffs} + {@code normalize_coeffs_8bpc}): output position {@code i} reads source
 * positions {@code start[i] .. start[i]+count[i]} with weights {@code weights[i*stride ..]} in 22-bit fixed
 * point.
 */
public record PillowCoeffs(int[] start, int[] count, int[] weights, int stride) {
    /** Fractional bits of the fixed-point weights (Pillow's {@code PRECISION_BITS}). */
    public static final int PRECISION_BITS = 32 - 8 - 2;

    /** Coefficients for resizing an axis of {@code inSize} source pixels to {@code outSize}. */
    public static PillowCoeffs of(ResampleKernel kernel, int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = kernel.support() * filterscale;
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
                k[x] = kernel.weight((x + xmin - center + 0.5) * ss);
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
        return new PillowCoeffs(start, count, weights, ksize);
    }
}
