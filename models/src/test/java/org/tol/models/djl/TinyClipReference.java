package org.tol.models.djl;

/**
 * Independent computation of models/testdata/make_tiny_clip_torchscript.py's {@code encode_image}: 112×112
 * average pooling of a [N,3,336,336] image to 27 values, then a fixed 27×4 linear map plus bias.
 */
public final class TinyClipReference {
    public static final int DIM = 4;

    private TinyClipReference() {}

    public static double weight(int m, int k) {
        return (Math.floorMod(m * 7 + k * 3, 11) - 5) / 10.0;
    }

    public static double bias(int k) {
        return k / 10.0 - 0.1;
    }

    /** Embeddings [n, 4] of {@code n} images laid out [n,3,336,336]. */
    public static double[] encode(float[] images, int n) {
        double[] out = new double[n * DIM];
        int plane = 336 * 336;
        for (int img = 0; img < n; img++) {
            double[] pooled = new double[27];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 336; y++) {
                    for (int x = 0; x < 336; x++) {
                        pooled[c * 9 + (y / 112) * 3 + x / 112] += images[(img * 3 + c) * plane + y * 336 + x];
                    }
                }
            }
            for (int k = 0; k < DIM; k++) {
                double s = bias(k);
                for (int m = 0; m < 27; m++) {
                    s += pooled[m] / (112.0 * 112.0) * weight(m, k);
                }
                out[img * DIM + k] = s;
            }
        }
        return out;
    }
}
