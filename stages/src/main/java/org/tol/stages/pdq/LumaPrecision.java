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

    /*
     * Per-channel tables of the products: RD[v] is exactly v * 0.299 (the same IEEE double product), RF[v]
     * exactly 0.299f * v, so summing table entries left to right gives the very bits of the arithmetic above
     * while skipping three int-to-floating conversions and three multiplications per pixel.
     */
    private static final double[] RD = table(0.299);
    private static final double[] GD = table(0.587);
    private static final double[] BD = table(0.114);
    private static final float[] RF = tableF(R_F);
    private static final float[] GF = tableF(G_F);
    private static final float[] BF = tableF(B_F);

    private static double[] table(double coeff) {
        double[] t = new double[256];
        for (int v = 0; v < 256; v++) {
            t[v] = v * coeff;
        }
        return t;
    }

    private static float[] tableF(float coeff) {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) {
            t[v] = coeff * v;
        }
        return t;
    }

    /** Fills {@code out[0..n)} from packed RGB bytes. */
    void fill(byte[] rgb, float[] out, int n) {
        fillRow(rgb, 0, 0, 2, out, 0, n);
    }

    /**
     * Luma of {@code n} packed 3-byte pixels starting at {@code px[off]} into {@code out[outOff..)}: red at byte
     * {@code redAt} (0 for RGB, 2 for the stored BGR) and blue at {@code blueAt} of each pixel, green at 1. One
     * loop per precision keeps the hot path branch-free.
     */
    void fillRow(byte[] px, int off, int redAt, int blueAt, float[] out, int outOff, int n) {
        int r = off + redAt;
        int g = off + 1;
        int b = off + blueAt;
        if (this == DOUBLE) {
            for (int p = 0, o = 0; p < n; p++, o += 3) {
                out[outOff + p] = (float) (RD[px[r + o] & 0xFF] + GD[px[g + o] & 0xFF] + BD[px[b + o] & 0xFF]);
            }
        } else {
            for (int p = 0, o = 0; p < n; p++, o += 3) {
                out[outOff + p] = RF[px[r + o] & 0xFF] + GF[px[g + o] & 0xFF] + BF[px[b + o] & 0xFF];
            }
        }
    }
}
