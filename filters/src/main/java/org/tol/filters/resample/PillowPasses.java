package org.tol.filters.resample;

/**
 * The two passes of Pillow's 8-bit resampling ({@code ImagingResampleHorizontal_8bpc} and
 * {@code ImagingResampleVertical_8bpc}): each output value is {@code HALF + sum(pixel * weight)}, shifted
 * right by {@link PillowCoeffs#PRECISION_BITS} and clipped to uint8. The loops are reordered for speed; integer
 * sums do not depend on the order, so the results equal Pillow's exactly.
 */
final class PillowPasses {
    private static final int PRECISION_BITS = PillowCoeffs.PRECISION_BITS;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PillowPasses() {}

    private static int clip8(int v) {
        return TapSweeps.clip8(v);
    }

    /**
     * Tap counts from which the horizontal pass transposes ({@link #wide}) instead of running per pixel:
     * the transposition costs the same whatever the taps, the per-pixel loop grows with them. CLIP's 540→336
     * (6–7 taps) on 720x540 raw rows: 400 images per CPU-second per pixel, 500 transposed.
     */
    static final int WIDE_TAPS = 5;

    /** Rows per block of the horizontal pass: a block of 720-px rows stays in L2 while every column visits it. */
    private static final int ROW_BLOCK = 32;

    /** Eight little-endian bytes of a byte[] as one long. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Horizontal pass for input rows {@code [rowFrom, rowTo)} and output columns {@code [colFrom, colFrom+cols)}
     * of an interleaved 3-channel image of width {@code inW} whose first byte is {@code src[srcOff]}; writes
     * {@code cols*3} uint8 values per row (as ints, so the vertical pass needs no widening), laid out as
     * {@code layout} says, into the rows {@code tmp}, whose first row is input row {@code tmpRow0}.
     *
     * <p>Up to 4 taps (upscaling, bilinear): column-outer inside blocks of rows, so each column's weights stay in
     * registers ({@link #taps4}); from {@link #WIDE_TAPS} taps (downscaling) the rows are transposed
     * ({@link #wide}). Integer sums do not depend on the order, so this equals Pillow's row-by-row loop exactly.
     */
    static void horizontal(byte[] src, int srcOff, int inW, int rowFrom, int rowTo, PillowCoeffs c, int colFrom,
            int cols, int[][] tmp, int tmpRow0, RowLayout layout) {
        int[] start = c.start();
        int[] count = c.count();
        int[] w = c.weights();
        int stride = c.stride();
        int rowLen = inW * 3;
        if (maxCount(count, colFrom, cols) >= WIDE_TAPS) {
            wide(src, srcOff, rowLen, rowFrom, rowTo, c, colFrom, cols, tmp, tmpRow0, layout);
            return;
        }
        int[] oc = new int[3];
        for (int y0 = rowFrom; y0 < rowTo; y0 += ROW_BLOCK) {
            int y1 = Math.min(rowTo, y0 + ROW_BLOCK);
            for (int xx = colFrom; xx < colFrom + cols; xx++) {
                int n = count[xx];
                int kb = xx * stride;
                int ti = y0 - tmpRow0;
                for (int ch = 0; ch < 3; ch++) {
                    oc[ch] = layout.index(xx - colFrom, ch, cols);
                }
                int p0 = srcOff + y0 * rowLen + start[xx] * 3;
                if (n == 4) {
                    taps4(src, w, kb, p0, rowLen, y1 - y0, tmp, ti, oc);
                } else {
                    for (int y = y0; y < y1; y++, ti++, p0 += rowLen) {
                        for (int ch = 0; ch < 3; ch++) {
                            int v = HALF;
                            for (int t = 0, p = p0 + ch; t < n; t++, p += 3) {
                                v += (src[p] & 0xff) * w[kb + t];
                            }
                            tmp[ti][oc[ch]] = clip8(v);
                        }
                    }
                }
            }
        }
    }

    private static int maxCount(int[] count, int colFrom, int cols) {
        int m = 0;
        for (int xx = colFrom; xx < colFrom + cols; xx++) {
            m = Math.max(m, count[xx]);
        }
        return m;
    }

    /** Per-thread column-major copy of the rows the wide horizontal pass reads, one array per column. */
    private static final class Columns {
        int[][] col = new int[0][];
        int[][] out = new int[0][];
        int rows;
    }

    private static final ThreadLocal<Columns> COLUMNS = ThreadLocal.withInitial(Columns::new);

    /**
     * {@link #WIDE_TAPS} or more taps (downscaling by over 1.25x, e.g. 720 to 224 wide: 15 taps; CLIP's 540 to
     * 336: 7): the rows are first copied column-major, one array per input value column ({@code col[x*3+ch][row]}), so that each tap of an output
     * column becomes one multiply-add over all rows at once, a loop C2 vectorises ({@link TapSweeps}); the per-pixel
     * loop over 15 taps cannot be. Separate arrays because JDK 17's C2 does not vectorise {@code a[off + i]} with a
     * loop-invariant {@code off} (about 5x slower than {@code a[i]}). Integer sums do not depend on the order,
     * so this still equals Pillow exactly.
     */
    private static void wide(byte[] src, int srcOff, int rowLen, int rowFrom, int rowTo, PillowCoeffs co,
            int colFrom, int cols, int[][] tmp, int tmpRow0, RowLayout layout) {
        int[] start = co.start();
        int[] count = co.count();
        int[] w = co.weights();
        int stride = co.stride();
        int rows = rowTo - rowFrom;
        // Only the input values the window's taps reach are transposed (a centre crop reads about 3/4 of a
        // 4:3 row): col[k] holds input value column cFrom + k.
        int cFrom = start[colFrom] * 3;
        int cTo = cFrom;
        for (int xx = colFrom; xx < colFrom + cols; xx++) {
            cTo = Math.max(cTo, (start[xx] + count[xx]) * 3);
        }
        int span = cTo - cFrom;
        Columns bufs = COLUMNS.get();
        int rb = cols * 3;
        if (bufs.col.length < span || bufs.out.length < rb || bufs.rows < rows) {
            int cap = Math.max(rows, bufs.rows);
            bufs.col = new int[Math.max(span, bufs.col.length)][cap];
            bufs.out = new int[Math.max(rb, bufs.out.length)][cap];
            bufs.rows = cap;
        }
        int[][] col = bufs.col;
        int[][] out = bufs.out;
        // Eight columns per sweep down the rows, one long read per row: the rows' current cache lines stay in
        // L1 while the writes run sequentially.
        int base = srcOff + rowFrom * rowLen + cFrom;
        int c8 = span & ~7;
        for (int c = 0; c < c8; c += 8) {
            int[] d0 = col[c];
            int[] d1 = col[c + 1];
            int[] d2 = col[c + 2];
            int[] d3 = col[c + 3];
            int[] d4 = col[c + 4];
            int[] d5 = col[c + 5];
            int[] d6 = col[c + 6];
            int[] d7 = col[c + 7];
            for (int r = 0, p = base + c; r < rows; r++, p += rowLen) {
                long v = (long) LONGS.get(src, p);
                d0[r] = (int) v & 0xff;
                d1[r] = (int) (v >>> 8) & 0xff;
                d2[r] = (int) (v >>> 16) & 0xff;
                d3[r] = (int) (v >>> 24) & 0xff;
                d4[r] = (int) (v >>> 32) & 0xff;
                d5[r] = (int) (v >>> 40) & 0xff;
                d6[r] = (int) (v >>> 48) & 0xff;
                d7[r] = (int) (v >>> 56);
            }
        }
        for (int c = c8; c < span; c++) {
            int[] dst = col[c];
            for (int r = 0, p = base + c; r < rows; r++, p += rowLen) {
                dst[r] = src[p] & 0xff;
            }
        }
        for (int xx = colFrom; xx < colFrom + cols; xx++) {
            for (int ch = 0; ch < 3; ch++) {
                TapSweeps.sum(out[layout.index(xx - colFrom, ch, cols)], rows, col, start[xx] * 3 + ch - cFrom, 3, w,
                        xx * stride, count[xx]);
            }
        }
        // Back to rows, 64 values at a time so that the 64 column arrays being read stay in L1.
        for (int c0 = 0; c0 < rb; c0 += 64) {
            int c1 = Math.min(rb, c0 + 64);
            for (int r = 0, ti = rowFrom - tmpRow0; r < rows; r++, ti++) {
                int[] dst = tmp[ti];
                for (int c = c0; c < c1; c++) {
                    dst[c] = out[c][r];
                }
            }
        }
    }

    /** Four taps (bicubic upscaling, most columns) with the weights in registers. */
    private static void taps4(byte[] src, int[] w, int kb, int p0, int rowLen, int rows, int[][] tmp, int ti,
            int[] oc) {
        int k0 = w[kb];
        int k1 = w[kb + 1];
        int k2 = w[kb + 2];
        int k3 = w[kb + 3];
        for (int r = 0; r < rows; r++, ti++, p0 += rowLen) {
            int[] dst = tmp[ti];
            for (int ch = 0, p = p0; ch < 3; ch++, p++) {
                int v = HALF + (src[p] & 0xff) * k0 + (src[p + 3] & 0xff) * k1 + (src[p + 6] & 0xff) * k2
                        + (src[p + 9] & 0xff) * k3;
                dst[oc[ch]] = clip8(v);
            }
        }
    }

    /**
     * Vertical pass for output rows {@code [rowFrom, rowFrom+rows)}: {@code src} holds interleaved rows of
     * {@code rowBytes} values starting at input row {@code srcRow0}, one array per row (C2 in JDK 17 vectorises
     * {@code a[i]} but not {@code a[off + i]}). Each finished uint8 row goes to {@code sink}
     * as row {@code yy - outRow0}.
     * Accumulates whole rows tap by tap (integer sums are order-independent, so this equals Pillow's per-pixel
     * loop) so the JIT can vectorise the inner loop.
     */
    static void vertical(int[][] src, int rowBytes, int srcRow0, PillowCoeffs c, int rowFrom, int rows, int[] acc, int outRow0,
            PillowResampler.RowSink sink) {
        int[] start = c.start();
        int[] count = c.count();
        int[] w = c.weights();
        int stride = c.stride();
        for (int yy = rowFrom; yy < rowFrom + rows; yy++) {
            TapSweeps.sum(acc, rowBytes, src, start[yy] - srcRow0, 1, w, yy * stride, count[yy]);
            sink.row(yy - outRow0, acc);
        }
    }
}
