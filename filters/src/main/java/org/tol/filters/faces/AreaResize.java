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
        for (int oy = 0; oy < outH; oy++) {
            int ys = y0 + (int) ((long) oy * ch / outH);
            int ye = y0 + (int) (((long) (oy + 1) * ch + outH - 1) / outH);
            for (int ox = 0; ox < outW; ox++) {
                int xs = x0 + (int) ((long) ox * cw / outW);
                int xe = x0 + (int) (((long) (ox + 1) * cw + outW - 1) / outW);
                for (int c = 0; c < 3; c++) {
                    float sum = 0f;
                    for (int y = ys; y < ye; y++) {
                        int row = y * w * 3;
                        for (int x = xs; x < xe; x++) {
                            sum += rgb[row + x * 3 + c] & 0xFF;
                        }
                    }
                    float v = sum / (ye - ys) / (xe - xs);
                    out[offset + c * plane + oy * outW + ox] = (v - 127.5f) * 0.0078125f;
                }
            }
        }
    }
}
