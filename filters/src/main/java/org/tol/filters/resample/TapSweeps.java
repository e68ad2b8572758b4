package org.tol.filters.resample;

/**
 * The vectorised inner step of both resampler passes: {@code out[i] = clip8((HALF + sum_t a_t[i] * k_t) >> 22)}
 * for {@code i < len}, where tap {@code t} of {@code n} reads the array {@code src[base + t*step]} with weight
 * {@code w[wBase + t]} (Pillow's fixed-point sum for one output position, over a whole row or column at once).
 *
 * <p>Four taps per sweep (the first sweep starts from {@code HALF}, so there is no fill), the last group padded
 * with weight 0 on the first array (in bounds, adds nothing): CLIP's 540→336 bicubic (6–7 taps) makes two
 * sweeps and a clip instead of a fill, a four-tap sweep, three one-tap sweeps and a clip. JDK 17's C2
 * vectorises these loops only while they stay this small: measured here, a sweep of five arrays still
 * vectorises, six or eight do not (5–8x slower), nor a sweep with the clip fused in (so the clip is a loop of
 * its own). Integer sums do not depend
 * on the order, so the values equal Pillow's.
 */
final class TapSweeps {
    private static final int PRECISION_BITS = PillowCoeffs.PRECISION_BITS;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private TapSweeps() {}

    static void sum(int[] out, int len, int[][] src, int base, int step, int[] w, int wBase, int n) {
        for (int g = 0; g < n; g += 4) {
            int m = Math.min(4, n - g);
            int b = base + g * step;
            int[] a0 = src[b];
            int[] a1 = m > 1 ? src[b + step] : a0;
            int[] a2 = m > 2 ? src[b + 2 * step] : a0;
            int[] a3 = m > 3 ? src[b + 3 * step] : a0;
            int k = wBase + g;
            int k0 = w[k];
            int k1 = m > 1 ? w[k + 1] : 0;
            int k2 = m > 2 ? w[k + 2] : 0;
            int k3 = m > 3 ? w[k + 3] : 0;
            if (g == 0) {
                for (int i = 0; i < len; i++) {
                    out[i] = HALF + a0[i] * k0 + a1[i] * k1 + a2[i] * k2 + a3[i] * k3;
                }
            } else {
                for (int i = 0; i < len; i++) {
                    out[i] += a0[i] * k0 + a1[i] * k1 + a2[i] * k2 + a3[i] * k3;
                }
            }
        }
        for (int i = 0; i < len; i++) {
            out[i] = clip8(out[i]);
        }
    }

    /**
     * {@code max(0, min(v >> 22, 255))} in shifts and masks: C2 does not vectorise {@code Math.max/min} on ints
     * in JDK 17 (a loop of them measured 5-8x slower than this one).
     */
    static int clip8(int v) {
        int c = v >> PRECISION_BITS;
        c &= ~(c >> 31); // negative: 0
        return (c | ((255 - c) >> 31)) & 255; // over 255: all ones, masked to 255
    }
}
