package org.tol.filters.faces;

/**
 * Builds all P-Net pyramid levels of one working image with {@link AreaResize}'s exact values, but from
 * integer summed-area tables: every window sum is four lookups instead of a loop over the window, so the
 * whole 11-level pyramid costs about one pass over the image plus one lookup set per output pixel. Sums of
 * 8-bit values are exact in int (720 x 720 x 255 < 2^31), so the result is identical to the direct loop.
 */
final class SummedAreaPyramid {
    private static final ThreadLocal<int[][]> TABLES = new ThreadLocal<>();

    private SummedAreaPyramid() {}

    static float[][] levels(byte[] rgb, int w, int h, Pyramid pyramid) {
        int[][] sat = tables((w + 1) * (h + 1));
        int sw = w + 1;
        for (int c = 0; c < 3; c++) {
            int[] t = sat[c];
            for (int x = 0; x <= w; x++) {
                t[x] = 0;
            }
            for (int y = 0; y < h; y++) {
                int rowSum = 0;
                int src = y * w * 3 + c;
                int o = (y + 1) * sw;
                t[o] = 0;
                for (int x = 0; x < w; x++) {
                    rowSum += rgb[src + x * 3] & 0xFF;
                    t[o + x + 1] = t[o - sw + x + 1] + rowSum;
                }
            }
        }
        float[][] out = new float[pyramid.levels()][];
        for (int k = 0; k < out.length; k++) {
            int oh = pyramid.levelHeight(k);
            int ow = pyramid.levelWidth(k);
            float[] level = new float[3 * oh * ow];
            int plane = oh * ow;
            int[] xs = new int[ow];
            int[] xe = new int[ow];
            for (int ox = 0; ox < ow; ox++) {
                xs[ox] = (int) ((long) ox * w / ow);
                xe[ox] = (int) (((long) (ox + 1) * w + ow - 1) / ow);
            }
            for (int oy = 0; oy < oh; oy++) {
                int ys = (int) ((long) oy * h / oh);
                int ye = (int) (((long) (oy + 1) * h + oh - 1) / oh);
                int kh = ye - ys;
                for (int ox = 0; ox < ow; ox++) {
                    int kw = xe[ox] - xs[ox];
                    int a = ys * sw + xs[ox];
                    int b = ys * sw + xe[ox];
                    int d = ye * sw + xs[ox];
                    int e = ye * sw + xe[ox];
                    for (int c = 0; c < 3; c++) {
                        int[] t = sat[c];
                        float v = (float) (t[e] - t[b] - t[d] + t[a]) / kh / kw;
                        level[c * plane + oy * ow + ox] = (v - 127.5f) * 0.0078125f;
                    }
                }
            }
            out[k] = level;
        }
        return out;
    }

    private static int[][] tables(int n) {
        int[][] t = TABLES.get();
        if (t == null || t[0].length < n) {
            t = new int[][] {new int[n], new int[n], new int[n]};
            TABLES.set(t);
        }
        return t;
    }
}
