package org.tol.stages.pdq;

/**
 * Luma, the two Jarosz blur passes and the 64x64 decimation of {@link PdqHasher} in one fused pass over the
 * pixels, bit for bit what {@link LumaPrecision#fill}, the whole-plane Jarosz blur and the block-centre
 * point sampling give (the tests' {@code PlainPdqSteps}) (every output is still made by the reference's own sequence of float
 * additions and subtractions, then one division by the window size). What changes is only what is computed and
 * in which order:
 * <ul>
 *   <li>luma is made a few rows at a time, straight from the packed RGB or stored BGR bytes, into a small
 *       buffer the first row pass reads at once: no full-size luma plane, no BGR-to-RGB copy;</li>
 *   <li>a row's running sum is one serial chain of dependent float additions, so the row passes run
 *       {@value #LANES} rows side by side (independent chains the CPU overlaps), store the raw sums, and divide
 *       in a separate loop the JIT vectorises;</li>
 *   <li>the second pass is only needed where the decimation samples it: its row pass divides and keeps only the
 *       64 sampled columns (it still runs every row's whole chain, since the sums are serial), and its column
 *       pass runs on those 64 columns only. Its input, the first column pass, is consumed
 *       {@value #LANES} rows at a time while still in cache instead of being written as a full plane.</li>
 * </ul>
 * Intermediate planes are kept as one array per row: C2 (JDK 17) only vectorises a loop whose array accesses
 * all share one index expression, and {@code row[c]} does where {@code plane[rowOffset + c]} next to
 * {@code sums[c]} does not. One instance per thread (scratch buffers grow to the largest image seen).
 */
final class PdqDownsampler {
    /** Rows whose serial running sums are interleaved. */
    static final int LANES = 4;
    private static final int D = PdqHasher.DECIMATED;

    private final LumaPrecision luma;
    private final JaroszBoxFilter columns = new JaroszBoxFilter();
    private final float[][] lumaRows = new float[LANES][0];
    private final float[][] firstQuad = new float[LANES][];
    private float[][] firstRows = new float[0][];
    private final float[][] ring = new float[LANES][0];
    private final float[][] rawSums = new float[LANES][0];
    private float[] colSums = new float[0];
    private float[] rowSizes = new float[0];
    private float[] sampled = new float[0];
    private float[] sampledBlur = new float[0];
    private final int[] sampleCols = new int[D];

    PdqDownsampler(LumaPrecision luma) {
        this.luma = luma;
    }

    /**
     * The decimated 64x64 blur of the luma of {@code rows x cols} packed pixels at {@code px[off..)} into
     * {@code out}; {@code redAt}/{@code blueAt} are 0/2 for RGB and 2/0 for BGR.
     */
    void downsample(byte[] px, int off, int redAt, int blueAt, int rows, int cols, float[] out) {
        ensure(rows, cols);
        int rowWindow = JaroszBoxFilter.windowSize(cols);
        int colWindow = JaroszBoxFilter.windowSize(rows);
        sizes(rowSizes, cols, rowWindow);
        for (int j = 0; j < D; j++) {
            sampleCols[j] = PdqHasher.decimationIndex(j, cols);
        }
        firstRowPass(px, off, redAt, blueAt, rows, cols, rowWindow);
        firstColumnPass(rows, cols, colWindow, rowWindow);
        columns.boxColumns(sampled, sampledBlur, rows, D, colWindow);
        for (int i = 0; i < D; i++) {
            System.arraycopy(sampledBlur, PdqHasher.decimationIndex(i, rows) * D, out, i * D, D);
        }
    }

    private void ensure(int rows, int cols) {
        if (colSums.length < cols) {
            colSums = new float[cols];
            rowSizes = new float[cols];
            for (int k = 0; k < LANES; k++) {
                lumaRows[k] = new float[cols];
                ring[k] = new float[cols];
                rawSums[k] = new float[cols];
            }
            firstRows = new float[0][];
        }
        if (firstRows.length < rows) {
            float[][] grown = java.util.Arrays.copyOf(firstRows, rows);
            for (int r = firstRows.length; r < rows; r++) {
                grown[r] = new float[colSums.length];
            }
            firstRows = grown;
        }
        if (sampled.length < rows * D) {
            sampled = new float[rows * D];
            sampledBlur = new float[rows * D];
        }
    }

    /** Luma then the first row pass, {@link #LANES} rows at a time, into {@code firstRows}. */
    private void firstRowPass(byte[] px, int off, int redAt, int blueAt, int rows, int cols, int window) {
        int rowBytes = cols * 3;
        float[][] out = firstRows;
        int r = 0;
        for (; r + LANES <= rows; r += LANES) {
            for (int k = 0; k < LANES; k++) {
                luma.fillRow(px, off + (r + k) * rowBytes, redAt, blueAt, lumaRows[k], 0, cols);
                firstQuad[k] = out[r + k];
            }
            sums4(lumaRows, firstQuad, cols, window);
            for (int k = 0; k < LANES; k++) {
                divideRow(out[r + k], cols, window);
            }
        }
        for (; r < rows; r++) {
            luma.fillRow(px, off + r * rowBytes, redAt, blueAt, lumaRows[0], 0, cols);
            sums1(lumaRows[0], out[r], cols, window);
            divideRow(out[r], cols, window);
        }
    }

    /**
     * Divides a row's raw sums by the window size at each position. The middle divides by the one full window
     * size, a loop over one array the JIT vectorises; only the edges, where the window is cut, look theirs up.
     */
    private void divideRow(float[] a, int cols, int window) {
        float[] sz = rowSizes;
        int half = (window + 2) / 2;
        int midStart = window - half + 1;
        int midEnd = cols - half + 1;
        float full = window;
        for (int c = 0; c < midStart; c++) {
            a[c] = a[c] / sz[c];
        }
        for (int c = midStart; c < midEnd; c++) {
            a[c] = a[c] / full;
        }
        for (int c = midEnd; c < cols; c++) {
            a[c] = a[c] / sz[c];
        }
    }

    /**
     * The first column pass ({@link JaroszBoxFilter#boxColumns}'s four phases, one running sum per column),
     * handing each finished output row to the second row pass through a ring of {@link #LANES} rows.
     */
    private void firstColumnPass(int rows, int cols, int window, int rowWindow) {
        float[][] in = firstRows;
        float[] sums = colSums;
        java.util.Arrays.fill(sums, 0, cols, 0.0f);
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        for (int i = 0; i < half - 1; i++, ri++) {
            addRow(sums, in[ri], cols);
            size++;
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            addRow(sums, in[ri], cols);
            size++;
            emit(oi, size, cols, rowWindow);
        }
        for (int i = 0; i < rows - window; i++, ri++, li++, oi++) {
            slide(sums, in[ri], in[li], ring[oi % LANES], cols, size);
            if (oi % LANES == LANES - 1) {
                secondRowPass(oi - LANES + 1, LANES, cols, rowWindow);
            }
        }
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            float[] left = in[li];
            for (int c = 0; c < cols; c++) {
                sums[c] -= left[c];
            }
            size--;
            emit(oi, size, cols, rowWindow);
        }
        int pending = oi % LANES;
        if (pending > 0) {
            secondRowPass(oi - pending, pending, cols, rowWindow);
        }
    }

    private static void addRow(float[] sums, float[] row, int cols) {
        for (int c = 0; c < cols; c++) {
            sums[c] += row[c];
        }
    }

    /** The full-window step: add the entering row, subtract the leaving one, divide. */
    private static void slide(float[] sums, float[] enter, float[] leave, float[] out, int cols, int size) {
        float d = size;
        for (int c = 0; c < cols; c++) {
            float s = sums[c] + enter[c];
            s -= leave[c];
            sums[c] = s;
            out[c] = s / d;
        }
    }

    /** Output row {@code oi} = the running sums over {@code size}, into the ring; a full ring goes on. */
    private void emit(int oi, int size, int cols, int rowWindow) {
        float d = size;
        float[] out = ring[oi % LANES];
        for (int c = 0; c < cols; c++) {
            out[c] = colSums[c] / d;
        }
        if (oi % LANES == LANES - 1) {
            secondRowPass(oi - LANES + 1, LANES, cols, rowWindow);
        }
    }

    /** The second row pass over the {@code count} ring rows of output rows {@code first..}: sampled columns only. */
    private void secondRowPass(int first, int count, int cols, int window) {
        float[][] in = ring;
        float[][] raw = rawSums;
        if (count == LANES) {
            sums4(in, raw, cols, window);
        } else {
            for (int k = 0; k < count; k++) {
                sums1(in[k], raw[k], cols, window);
            }
        }
        for (int k = 0; k < count; k++) {
            float[] src = raw[k];
            int dst = (first + k) * D;
            for (int j = 0; j < D; j++) {
                int c = sampleCols[j];
                sampled[dst + j] = src[c] / rowSizes[c];
            }
        }
    }

    /**
     * The window size each output position of a box of {@code n} is divided by (see the tests'
     * {@code PlainPdqSteps.boxRow}).
     */
    static void sizes(float[] out, int n, int window) {
        int half = (window + 2) / 2;
        int o = 0;
        int size = half - 1;
        for (int i = 0; i < window - half + 1; i++) {
            out[o++] = ++size;
        }
        for (int i = 0; i < n - window; i++) {
            out[o++] = size;
        }
        for (int i = 0; i < half - 1; i++) {
            out[o++] = --size;
        }
    }

    /** A centred running mean's sums, undivided, of one row of {@code n} into {@code out[0..n)}. */
    static void sums1(float[] in, float[] out, int n, int window) {
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        float s = 0.0f;
        for (int i = 0; i < half - 1; i++) {
            s += in[ri++];
        }
        for (int i = 0; i < window - half + 1; i++) {
            s += in[ri++];
            out[oi++] = s;
        }
        for (int i = 0; i < n - window; i++) {
            s += in[ri++];
            s -= in[li++];
            out[oi++] = s;
        }
        for (int i = 0; i < half - 1; i++) {
            s -= in[li++];
            out[oi++] = s;
        }
    }

    /**
     * {@link #sums1} of four row arrays into four row arrays, in one loop: four independent chains of dependent
     * float additions, which the CPU overlaps where one chain alone waits on each addition's latency.
     */
    static void sums4(float[][] in, float[][] out, int n, int window) {
        float[] a = in[0];
        float[] b = in[1];
        float[] c = in[2];
        float[] d = in[3];
        float[] o0 = out[0];
        float[] o1 = out[1];
        float[] o2 = out[2];
        float[] o3 = out[3];
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        float s0 = 0.0f;
        float s1 = 0.0f;
        float s2 = 0.0f;
        float s3 = 0.0f;
        for (int i = 0; i < half - 1; i++, ri++) {
            s0 += a[ri];
            s1 += b[ri];
            s2 += c[ri];
            s3 += d[ri];
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            s0 += a[ri];
            s1 += b[ri];
            s2 += c[ri];
            s3 += d[ri];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
        }
        for (int i = 0; i < n - window; i++, ri++, li++, oi++) {
            s0 += a[ri];
            s1 += b[ri];
            s2 += c[ri];
            s3 += d[ri];
            s0 -= a[li];
            s1 -= b[li];
            s2 -= c[li];
            s3 -= d[li];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
        }
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            s0 -= a[li];
            s1 -= b[li];
            s2 -= c[li];
            s3 -= d[li];
            o0[oi] = s0;
            o1[oi] = s1;
            o2[oi] = s2;
            o3[oi] = s3;
        }
    }
}
