package org.tol.stages.pdq;

/**
 * The PDQ steps in their plain, whole-image form (Jarosz box blur over the full plane, then point sampling at
 * block centres), as the reference writes them. {@link PdqDownsampler} fuses them for speed; the tests hold it
 * to these bit for bit, and check these against hand-computed values.
 */
final class PlainPdqSteps {
    private PlainPdqSteps() {}

    /**
     * Blurs {@code image} (rows x cols floats, row-major) in place, using {@code temp} (same size) as
     * scratch.
     */
    static void filter(float[] image, float[] temp, int rows, int cols) {
        int rowWindow = JaroszBoxFilter.windowSize(cols);
        int colWindow = JaroszBoxFilter.windowSize(rows);
        for (int pass = 0; pass < JaroszBoxFilter.PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                boxRow(image, temp, r * cols, cols, rowWindow);
            }
            new JaroszBoxFilter().boxColumns(temp, image, rows, cols, colWindow);
        }
    }

    /** 1-D box of one row of length n starting at {@code off}. */
    static void boxRow(float[] in, float[] out, int off, int n, int window) {
        int half = (window + 2) / 2;
        int ri = off;
        int li = off;
        int oi = off;
        float sum = 0.0f;
        int size = 0;
        for (int i = 0; i < half - 1; i++) {
            sum += in[ri++];
            size++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[ri++];
            size++;
            out[oi++] = sum / size;
        }
        for (int i = 0; i < n - window; i++) {
            sum += in[ri++];
            sum -= in[li++];
            out[oi++] = sum / size;
        }
        for (int i = 0; i < half - 1; i++) {
            sum -= in[li++];
            size--;
            out[oi++] = sum / size;
        }
    }

    /** Point-samples the blurred image at block centres: index floor((i + 0.5) * dim / 64). */
    static void decimate(float[] in, int rows, int cols, float[] out) {
        for (int i = 0; i < PdqHasher.DECIMATED; i++) {
            int r = PdqHasher.decimationIndex(i, rows);
            for (int j = 0; j < PdqHasher.DECIMATED; j++) {
                out[i * PdqHasher.DECIMATED + j] = in[r * cols + PdqHasher.decimationIndex(j, cols)];
            }
        }
    }
}
