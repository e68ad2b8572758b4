package org.tol.filters.faces;

/**
 * torch's {@code interpolate(mode="area")} (= adaptive average pooling), which facenet-pytorch's
 * {@code imresample} uses for the P-Net pyramid and the R/O-Net crops: output cell {@code i} averages
 * source rows/columns {@code floor(i*in/out) .. ceil((i+1)*in/out) - 1}; the sum is divided by the
 * window height, then by its width, as torch does. The result is normalised for MTCNN,
 * {@code (v - 127.5) * 0.0078125}, and laid out CHW (RGB).
 */
public final class AreaResize {
    private AreaResize() {}

    /**
     * Resamples the region {@code [x0, x0+cw) x [y0, y0+ch)} of an interleaved RGB image of width
     * {@code w} to {@code outW x outH} and writes the normalised CHW result at {@code out[offset..]}.
     */
    public static void resizeNormalized(byte[] rgb, int w, int x0, int y0, int cw, int ch, int outW, int outH,
            float[] out, int offset) {
        int plane = outW * outH;
        int[] xs = new int[outW];
        int[] xe = new int[outW];
        for (int ox = 0; ox < outW; ox++) {
            xs[ox] = x0 + (int) ((long) ox * cw / outW);
            xe[ox] = x0 + (int) (((long) (ox + 1) * cw + outW - 1) / outW);
        }
        int stride = w * 3;
        for (int oy = 0; oy < outH; oy++) {
            int ys = y0 + (int) ((long) oy * ch / outH);
            int ye = y0 + (int) (((long) (oy + 1) * ch + outH - 1) / outH);
            int kh = ye - ys;
            for (int ox = 0; ox < outW; ox++) {
                // integer sums are exact, as torch's float sums of 8-bit values are for any window under 2^24/255 pixels
                int r = 0;
                int g = 0;
                int b = 0;
                for (int y = ys; y < ye; y++) {
                    int end = y * stride + xe[ox] * 3;
                    for (int i = y * stride + xs[ox] * 3; i < end; i += 3) {
                        r += rgb[i] & 0xFF;
                        g += rgb[i + 1] & 0xFF;
                        b += rgb[i + 2] & 0xFF;
                    }
                }
                int kw = xe[ox] - xs[ox];
                int o = offset + oy * outW + ox;
                out[o] = norm((float) r / kh / kw);
                out[o + plane] = norm((float) g / kh / kw);
                out[o + 2 * plane] = norm((float) b / kh / kw);
            }
        }
    }

    private static float norm(float v) {
        return (v - 127.5f) * 0.0078125f;
    }
}
