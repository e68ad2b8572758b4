package org.tol.stages.pdq;

/**
 * How the luma plane Y = 0.299 R + 0.587 G + 0.114 B is computed from RGB bytes. The two reference paths
 * disagree in the last bit for about a third of all RGB triples, which can flip rare hash bits:
 * <ul>
 *   <li>{@link #DOUBLE} (default) is the {@code pdqhash} Python binding behind TreeOfLife's {@code hash_pdq}
 *       ({@code bindings.pyx}: {@code (image[:,:,0]*0.299 + image[:,:,1]*0.587 + image[:,:,2]*0.114)
 *       .astype('float32')}): numpy multiplies the uint8 planes by the Python (double) coefficients in
 *       float64, adds left to right in float64, and rounds the sum to float32 once at the end.</li>
 *   <li>{@link #FLOAT} is Meta's C++ core ({@code fillFloatLumaFromRGB}: {@code static const float}
 *       coefficients, {@code float yval = R_coeff * r + G_coeff * g + B_coeff * b}) and its Java
 *       reference: float32 coefficients, each product and sum rounded to float32.</li>
 * </ul>
 */
public enum LumaPrecision {
    DOUBLE("double"),
    FLOAT("float");

    private static final float R_F = 0.299f;
    private static final float G_F = 0.587f;
    private static final float B_F = 0.114f;

    private final String label;

    LumaPrecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static LumaPrecision parse(String s) {
        for (LumaPrecision p : values()) {
            if (p.label.equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown --luma-precision '" + s
                + "': use double (the pdqhash Python binding, TreeOfLife's hash_pdq) or float (Meta's C++/Java core)");
    }

    /** The luma of one pixel. */
    public float luma(int r, int g, int b) {
        return this == DOUBLE ? (float) (r * 0.299 + g * 0.587 + b * 0.114) : R_F * r + G_F * g + B_F * b;
    }

    /** Fills {@code out[0..n)} from packed RGB bytes; one loop per precision keeps the hot path branch-free. */
    void fill(byte[] rgb, float[] out, int n) {
        if (this == DOUBLE) {
            for (int p = 0, o = 0; p < n; p++, o += 3) {
                out[p] = (float) ((rgb[o] & 0xFF) * 0.299 + (rgb[o + 1] & 0xFF) * 0.587 + (rgb[o + 2] & 0xFF) * 0.114);
            }
        } else {
            for (int p = 0, o = 0; p < n; p++, o += 3) {
                out[p] = R_F * (rgb[o] & 0xFF) + G_F * (rgb[o + 1] & 0xFF) + B_F * (rgb[o + 2] & 0xFF);
            }
        }
    }
}
