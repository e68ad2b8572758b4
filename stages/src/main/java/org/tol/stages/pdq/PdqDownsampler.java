package org.tol.stages.pdq;

/**
 * Luma, the two Jarosz blur passes and the 64x64 decimation of {@link PdqHasher} in one fused pass over the
 * pixels, bit for bit what {@link LumaPrecision#fill}, {@link JaroszBoxFilter#filter} and
 * {@link PdqHasher#decimate} give (every output is still made by the reference's own sequence of float
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
 * One instance per thread (scratch buffers sized to the last image).
 */
final class PdqDownsampler {
    /** Rows whose serial running sums are interleaved. */
    static final int LANES = 4;
    private static final int D = PdqHasher.DECIMATED;

    private final LumaPrecision luma;
    private final JaroszBoxFilter columns = new JaroszBoxFilter();
    private float[] lumaRows = new float[0];
    private float[] firstRows = new float[0];
    private float[] ring = new float[0];
    private float[] rawSums = new float[0];
    private float[] colSums = new float[0];
    private float[] sampled = new float[0];
    private float[] sampledBlur = new float[0];
    private float[] rowSizes = new float[0];
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
        int n = rows * cols;
        if (firstRows.length < n) {
            firstRows = new float[n];
        }
        if (lumaRows.length < LANES * cols) {
            lumaRows = new float[LANES * cols];
            ring = new float[LANES * cols];
            rawSums = new float[LANES * cols];
            colSums = new float[cols];
            rowSizes = new float[cols];
        }
        if (sampled.length < rows * D) {
            sampled = new float[rows * D];
            sampledBlur = new float[rows * D];
        }
    }

    /** Luma then the first row pass, {@link #LANES} rows at a time, into {@code firstRows}. */
    private void firstRowPass(byte[] px, int off, int redAt, int blueAt, int rows, int cols, int window) {
        int rowBytes = cols * 3;
        int r = 0;
        for (; r + LANES <= rows; r += LANES) {
            for (int k = 0; k < LANES; k++) {
                luma.fillRow(px, off + (r + k) * rowBytes, redAt, blueAt, lumaRows, k * cols, cols);
            }
            sums4(lumaRows, 0, cols, firstRows, r * cols, cols, window);
            divideRows(firstRows, r * cols, LANES, cols);
        }
        for (; r < rows; r++) {
            luma.fillRow(px, off + r * rowBytes, redAt, blueAt, lumaRows, 0, cols);
            sums1(lumaRows, 0, firstRows, r * cols, cols, window);
            divideRows(firstRows, r * cols, 1, cols);
        }
    }

    private void divideRows(float[] a, int from, int count, int cols) {
        float[] sz = rowSizes;
        for (int k = 0; k < count; k++) {
            int o = from + k * cols;
            for (int c = 0; c < cols; c++) {
                a[o + c] = a[o + c] / sz[c];
            }
        }
    }

    /**
     * The first column pass ({@link JaroszBoxFilter#boxColumns}'s four phases, one running sum per column),
     * handing each finished output row to the second row pass through a ring of {@link #LANES} rows.
     */
    private void firstColumnPass(int rows, int cols, int window, int rowWindow) {
        float[] in = firstRows;
        float[] sums = colSums;
        java.util.Arrays.fill(sums, 0, cols, 0.0f);
        int half = (window + 2) / 2;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int size = 0;
        for (int i = 0; i < half - 1; i++, ri++) {
            int rOff = ri * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += in[rOff + c];
            }
            size++;
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            int rOff = ri * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += in[rOff + c];
            }
            size++;
            emit(oi, size, rows, cols, rowWindow);
        }
        float[] r = ring;
        for (int i = 0; i < rows - window; i++, ri++, li++, oi++) {
            int rOff = ri * cols;
            int lOff = li * cols;
            int oOff = (oi % LANES) * cols;
            for (int c = 0; c < cols; c++) {
                float s = sums[c] + in[rOff + c];
                s -= in[lOff + c];
                sums[c] = s;
                r[oOff + c] = s / size;
            }
            if (oi % LANES == LANES - 1) {
                secondRowPass(oi - LANES + 1, LANES, cols, rowWindow);
            }
        }
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            int lOff = li * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] -= in[lOff + c];
            }
            size--;
            emit(oi, size, rows, cols, rowWindow);
        }
        int pending = oi % LANES;
        if (pending > 0) {
            secondRowPass(oi - pending, pending, cols, rowWindow);
        }
    }

    /** Output row {@code oi} = the running sums over {@code size}, into the ring; a full ring goes on. */
    private void emit(int oi, int size, int rows, int cols, int rowWindow) {
        float d = size;
        int oOff = (oi % LANES) * cols;
        for (int c = 0; c < cols; c++) {
            ring[oOff + c] = colSums[c] / d;
        }
        if (oi % LANES == LANES - 1) {
            secondRowPass(oi - LANES + 1, LANES, cols, rowWindow);
        }
    }

    /** The second row pass over the {@code count} ring rows of output rows {@code first..}: sampled columns only. */
    private void secondRowPass(int first, int count, int cols, int window) {
        if (count == LANES) {
            sums4(ring, 0, cols, rawSums, 0, cols, window);
        } else {
            for (int k = 0; k < count; k++) {
                sums1(ring, k * cols, rawSums, k * cols, cols, window);
            }
        }
        for (int k = 0; k < count; k++) {
            int src = k * cols;
            int dst = (first + k) * D;
            for (int j = 0; j < D; j++) {
                int c = sampleCols[j];
                sampled[dst + j] = rawSums[src + c] / rowSizes[c];
            }
        }
    }

    /** The window size each output position of a box of {@code n} is divided by (see {@link JaroszBoxFilter#boxRow}). */
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

    /** {@link JaroszBoxFilter#boxRow}'s running sums, undivided, of one row of {@code n}. */
    static void sums1(float[] in, int inOff, float[] out, int outOff, int n, int window) {
        int half = (window + 2) / 2;
        int ri = inOff;
        int li = inOff;
        int oi = outOff;
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
     * {@link #sums1} of four consecutive rows of {@code n} ({@code in} rows from {@code inOff}, {@code out} rows
     * from {@code outOff}, both {@code n} apart) in one loop: four independent chains.
     */
    static void sums4(float[] in, int inOff, int inStride, float[] out, int outOff, int n, int window) {
        int half = (window + 2) / 2;
        int i1 = inStride;
        int i2 = 2 * inStride;
        int i3 = 3 * inStride;
        int o1 = n;
        int o2 = 2 * n;
        int o3 = 3 * n;
        int ri = inOff;
        int li = inOff;
        int oi = outOff;
        float s0 = 0.0f;
        float s1 = 0.0f;
        float s2 = 0.0f;
        float s3 = 0.0f;
        for (int i = 0; i < half - 1; i++, ri++) {
            s0 += in[ri];
            s1 += in[ri + i1];
            s2 += in[ri + i2];
            s3 += in[ri + i3];
        }
        for (int i = 0; i < window - half + 1; i++, ri++, oi++) {
            s0 += in[ri];
            s1 += in[ri + i1];
            s2 += in[ri + i2];
            s3 += in[ri + i3];
            out[oi] = s0;
            out[oi + o1] = s1;
            out[oi + o2] = s2;
            out[oi + o3] = s3;
        }
        for (int i = 0; i < n - window; i++, ri++, li++, oi++) {
            s0 += in[ri];
            s1 += in[ri + i1];
            s2 += in[ri + i2];
            s3 += in[ri + i3];
            s0 -= in[li];
            s1 -= in[li + i1];
            s2 -= in[li + i2];
            s3 -= in[li + i3];
            out[oi] = s0;
            out[oi + o1] = s1;
            out[oi + o2] = s2;
            out[oi + o3] = s3;
        }
        for (int i = 0; i < half - 1; i++, li++, oi++) {
            s0 -= in[li];
            s1 -= in[li + i1];
            s2 -= in[li + i2];
            s3 -= in[li + i3];
            out[oi] = s0;
            out[oi + o1] = s1;
            out[oi + o2] = s2;
            out[oi + o3] = s3;
        }
    }
}
