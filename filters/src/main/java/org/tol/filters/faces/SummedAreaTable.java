package org.tol.filters.faces;

/**
 * Integer summed-area tables of the three channels of an RGB image, for {@link AreaResize}'s exact
 * values at four lookups per output pixel whatever the window size: the P-Net pyramid levels and the
 * R/O-Net crops of large boxes (a 600 px candidate would otherwise read 360k pixels to make 24x24). Sums of
 * 8-bit values are exact in int up to 2^31 / 255 pixels (8.4 M, e.g. 2896 x 2896), so results equal the
 * direct loop's. Reusable: {@link #fill} overwrites the tables for another image.
 */
final class SummedAreaTable {
    private int[][] t = new int[3][0];
    private int w;
    private int h;

    /** Builds the tables of an interleaved RGB image. */
    SummedAreaTable fill(byte[] rgb, int width, int height) {
        if ((long) width * height * 255L >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image too large for int summed-area tables: " + width + "x" + height);
        }
        w = width;
        h = height;
        int n = (w + 1) * (h + 1);
        if (t[0].length < n) {
            t = new int[][] {new int[n], new int[n], new int[n]};
        }
        int sw = w + 1;
        for (int c = 0; c < 3; c++) {
            int[] s = t[c];
            java.util.Arrays.fill(s, 0, sw, 0);
            for (int y = 0; y < h; y++) {
                int rowSum = 0;
                int src = y * w * 3 + c;
                int o = (y + 1) * sw;
                s[o] = 0;
                for (int x = 0; x < w; x++) {
                    rowSum += rgb[src + x * 3] & 0xFF;
                    s[o + x + 1] = s[o - sw + x + 1] + rowSum;
                }
            }
        }
        return this;
    }

    /** As {@link AreaResize#resizeNormalized}, for the region {@code [x0, x0+cw) x [y0, y0+ch)} of the filled image. */
    void resizeNormalized(int x0, int y0, int cw, int ch, int outW, int outH, float[] out, int offset) {
        int sw = w + 1;
        int plane = outW * outH;
        int[] xs = new int[outW];
        int[] xe = new int[outW];
        for (int ox = 0; ox < outW; ox++) {
            xs[ox] = x0 + (int) ((long) ox * cw / outW);
            xe[ox] = x0 + (int) (((long) (ox + 1) * cw + outW - 1) / outW);
        }
        for (int oy = 0; oy < outH; oy++) {
            int ys = y0 + (int) ((long) oy * ch / outH);
            int ye = y0 + (int) (((long) (oy + 1) * ch + outH - 1) / outH);
            int kh = ye - ys;
            for (int ox = 0; ox < outW; ox++) {
                int kw = xe[ox] - xs[ox];
                int a = ys * sw + xs[ox];
                int b = ys * sw + xe[ox];
                int d = ye * sw + xs[ox];
                int e = ye * sw + xe[ox];
                for (int c = 0; c < 3; c++) {
                    int[] s = t[c];
                    float v = (float) (s[e] - s[b] - s[d] + s[a]) / kh / kw;
                    out[offset + c * plane + oy * outW + ox] = (v - 127.5f) * 0.0078125f;
                }
            }
        }
    }
}
