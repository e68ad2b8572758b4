package org.tol.stages.pdq;

/**
 * PDQ's blur before decimation: Jarosz's "Fast Image Convolutions" (SIGGRAPH 2001), i.e. repeated 1-D box
 * filters along rows then along columns, each a centred running mean whose edges average only the elements
 * actually inside the window. The window is ceil(dim/128) per dimension and two passes are made, so the
 * result approximates a tent of about one 64th of the image per axis.
 *
 * <p>Float results must equal the reference bit for bit (the hash is a threshold on them), so every output
 * is computed with the reference's exact sequence of float additions, subtractions and the final division
 * by the current window size. The column pass keeps one running sum per column and walks the image row by
 * row: the same arithmetic per column as a strided walk, but reading memory sequentially, which is what
 * makes it several times faster on large images.
 */
public final class JaroszBoxFilter {
    /** Number of row+column pass pairs PDQ applies. */
    public static final int PASSES = 2;
    private static final int WINDOW_DIVISOR = 128;

    private float[] columnSums = new float[0];

    /** Window size for a dimension of {@code dim} pixels: ceil(dim/128). */
    public static int windowSize(int dim) {
        return (dim + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    /**
     * 1-D box down every column at once: the four phases of a centred running mean (see the tests'
     * {@code PlainPdqSteps.boxRow}), one running sum per column.
     */
    void boxColumns(float[] in, float[] out, int rows, int cols, int window) {
        if (columnSums.length < cols) {
            columnSums = new float[cols];
        }
        float[] sums = columnSums;
        java.util.Arrays.fill(sums, 0, cols, 0.0f);
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        for (int i = 0; i < half - 1; i++, ri++) {
            addRow(sums, in, ri * cols, cols);
            size++;
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            addRow(sums, in, ri * cols, cols);
            size++;
            divideInto(sums, out, oi * cols, cols, size);
        }
        for (int i = 0; i < rows - window; i++, ri++, li++, oi++) {
            int rOff = ri * cols;
            int lOff = li * cols;
            int oOff = oi * cols;
            for (int c = 0; c < cols; c++) {
                float s = sums[c] + in[rOff + c];
                s -= in[lOff + c];
                sums[c] = s;
                out[oOff + c] = s / size;
            }
        }
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            int lOff = li * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] -= in[lOff + c];
            }
            size--;
            divideInto(sums, out, oi * cols, cols, size);
        }
    }

    private static void addRow(float[] sums, float[] in, int off, int cols) {
        for (int c = 0; c < cols; c++) {
            sums[c] += in[off + c];
        }
    }

    private static void divideInto(float[] sums, float[] out, int off, int cols, int size) {
        float d = size;
        for (int c = 0; c < cols; c++) {
            out[off + c] = sums[c] / d;
        }
    }
}
