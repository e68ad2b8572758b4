package org.tol.stages.pdq;

/**
 * The part of PDQ's 2-D DCT-II that the hash keeps: coefficients 1..16 (the DC term is dropped) of a
 * 64-point transform in each dimension, B = D A D^T with D the 16x64 matrix
 * D[i][j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1)). Sums run over k in increasing order starting from 0, as in
 * the reference, so the float results agree bit for bit.
 */
public final class PdqDct {
    public static final int N = 64;
    public static final int K = 16;

    private static final float[] D = matrix();
    /** D transposed (64x16), so the second product runs along contiguous rows the JIT vectorises. */
    private static final float[] DT = transpose(D);

    private final float[] t = new float[K * N];

    private PdqDct() {}

    /** A transform with its own scratch buffer; not thread-safe. */
    public static PdqDct create() {
        return new PdqDct();
    }

    /** D as a 16x64 row-major array (a copy). */
    public static float[] matrixCopy() {
        return D.clone();
    }

    private static float[] matrix() {
        float[] d = new float[K * N];
        double scale = Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < N; j++) {
                d[i * N + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    private static float[] transpose(float[] d) {
        float[] t = new float[N * K];
        for (int i = 0; i < K; i++) {
            for (int k = 0; k < N; k++) {
                t[k * K + i] = d[i * N + k];
            }
        }
        return t;
    }

    /** {@code out} (16x16) = D {@code a} (64x64) D^T, all row-major. */
    public void apply(float[] a, float[] out) {
        // T = D A, accumulated row by row of A so both operands stream; per (i, j) the additions still
        // happen in increasing k, which is the reference's order.
        java.util.Arrays.fill(t, 0.0f);
        for (int i = 0; i < K; i++) {
            int tOff = i * N;
            for (int k = 0; k < N; k++) {
                float dik = D[i * N + k];
                int aOff = k * N;
                for (int j = 0; j < N; j++) {
                    t[tOff + j] += dik * a[aOff + j];
                }
            }
        }
        // B = T D^T: out(i, j) = sum over k of T(i, k) D(j, k), again from 0 in increasing k, but all 16 j of a
        // row at once (one running sum per j instead of one serial dot product after another)
        java.util.Arrays.fill(out, 0, K * K, 0.0f);
        for (int i = 0; i < K; i++) {
            int oOff = i * K;
            for (int k = 0; k < N; k++) {
                float tik = t[i * N + k];
                int dOff = k * K;
                for (int j = 0; j < K; j++) {
                    out[oOff + j] += tik * DT[dOff + j];
                }
            }
        }
    }
}
