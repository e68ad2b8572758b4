package org.tol.stages.pdq;

/**
 * The eight rotations and flips of an image, computed from the 16x16 DCT of the original instead of
 * re-hashing: mirroring an axis multiplies each coefficient of odd frequency (index i+1 odd, i.e. even
 * index i) along that axis by -1, and transposing the image transposes the coefficients. Names follow
 * Meta's test images ({@code bridge-2-rotate-90.jpg}, ...). The result is close to, not equal to, the hash
 * of the transformed image (the decimation grid is not symmetric).
 */
public enum Dihedral {
    ORIGINAL(false, false, false),
    ROTATE_90(true, false, true),
    ROTATE_180(false, true, true),
    ROTATE_270(true, true, false),
    FLIP_X(false, true, false),
    FLIP_Y(false, false, true),
    FLIP_PLUS_1(true, false, false),
    FLIP_MINUS_1(true, true, true);

    private final boolean transpose;
    private final boolean flipRows;
    private final boolean flipCols;

    /**
     * @param transpose swap the two frequency axes
     * @param flipRows negate coefficients with even row index (mirror top-bottom)
     * @param flipCols negate coefficients with even column index (mirror left-right)
     */
    Dihedral(boolean transpose, boolean flipRows, boolean flipCols) {
        this.transpose = transpose;
        this.flipRows = flipRows;
        this.flipCols = flipCols;
    }

    /** Writes this variant of the 16x16 DCT {@code a} into {@code out}. */
    public void transform(float[] a, float[] out) {
        int k = PdqDct.K;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                float v = a[i * k + j];
                boolean negate = (flipRows && (i & 1) == 0) ^ (flipCols && (j & 1) == 0);
                if (negate) {
                    v = -v;
                }
                if (transpose) {
                    out[j * k + i] = v;
                } else {
                    out[i * k + j] = v;
                }
            }
        }
    }
}
