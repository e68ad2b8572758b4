package org.tol.filters.resample;

/**
 * Pillow's {@code Image.resize(size, filter)} for 8-bit interleaved RGB, reproduced bit for bit for the given
 * {@link ResampleKernel}: support widened by the scale factor when downscaling (antialiasing), coefficients
 * normalised then quantised to 22 fractional bits, a horizontal pass rounded and clipped to uint8, then a
 * vertical pass; a pass whose axis keeps its size is skipped, as in Pillow ({@code libImaging/Resample.c}).
 *
 * <p>{@link #resizeCrop} computes only the pixels inside a crop window (CLIP centre-crops right after
 * resizing), which is the same result as resizing fully and cropping because every output pixel depends only
 * on its own taps. Thread-safe: scratch buffers are per thread, so a preprocessing pool can share one instance.
 */
public final class PillowResampler {
    /**
     * Output rows per band of the interleaved horizontal/vertical passes. The wide horizontal pass (over 8
     * taps) is vectorised across the band's rows, so it wants long bands: 720x540 to 224x224 took 3.7 ms with
     * 96 against 5.5 ms with 16 (32 and 48 measured the same as 96 within noise).
     */
    private static final int BAND = 96;

    /** Output sizes up to which a thread keeps the last coefficients (a few hundred kB at most). */
    private static final int CACHED_SIZE = 8192;

    private final ResampleKernel kernel;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        int[][] tmp = new int[0][];
        int[] acc = new int[0];
        /** The last coefficients of each axis (0 vertical, 1 horizontal): a stream of same-size images reuses them. */
        final PillowCoeffs[] coeffs = new PillowCoeffs[2];
        final int[][] coeffSizes = new int[2][];

        PillowCoeffs coeffs(ResampleKernel kernel, int in, int out, int axis) {
            if (out > CACHED_SIZE) {
                return PillowCoeffs.of(kernel, in, out); // a degenerate strip (1x5000 to 336x1680000): not kept
            }
            int[] k = coeffSizes[axis];
            if (k == null || k[0] != in || k[1] != out) {
                coeffs[axis] = PillowCoeffs.of(kernel, in, out);
                coeffSizes[axis] = new int[] {in, out};
            }
            return coeffs[axis];
        }
    }

    /** Receives one finished output row as uint8 values in {@code values[0 .. cropWidth*3)}. */
    @FunctionalInterface
    public interface RowSink {
        void row(int index, int[] values);
    }

    public PillowResampler(ResampleKernel kernel) {
        this.kernel = kernel;
    }

    public ResampleKernel kernel() {
        return kernel;
    }

    /** Resizes interleaved RGB {@code w x h} to {@code outW x outH}; returns the input itself when sizes agree. */
    public byte[] resize(byte[] rgb, int w, int h, int outW, int outH) {
        if (outW == w && outH == h) {
            return rgb;
        }
        return resize(rgb, 0, w, h, outW, outH, RowLayout.INTERLEAVED);
    }

    /**
     * Resizes the {@code w*h*3} bytes at {@code px[offset]} to a new {@code outW x outH} array laid out as
     * {@code layout} says (e.g. a raw BGR cell swapped to interleaved RGB by the first pass); always a new
     * array, even when the sizes agree.
     */
    public byte[] resize(byte[] px, int offset, int w, int h, int outW, int outH, RowLayout layout) {
        byte[] out = new byte[outW * outH * 3];
        int rowBytes = outW * 3;
        resizeCrop(px, offset, w, h, outW, outH, 0, 0, outW, outH, layout, (row, values) -> {
            int o = row * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                out[o + i] = (byte) values[i];
            }
        });
        return out;
    }

    /**
     * Resizes interleaved RGB {@code w x h} to {@code outW x outH} and hands the rows of the window
     * {@code [left, left+cropW) x [top, top+cropH)} of the result to {@code sink}, top to bottom, as rows
     * {@code 0 .. cropH-1}. The array passed to the sink is reused for the next row.
     */
    public void resizeCrop(byte[] px, int w, int h, int outW, int outH, int left, int top, int cropW, int cropH,
            RowSink sink) {
        resizeCrop(px, 0, w, h, outW, outH, left, top, cropW, cropH, RowLayout.INTERLEAVED, sink);
    }

    /**
     * As {@link #resizeCrop(byte[], int, int, int, int, int, int, int, int, RowSink)} for the {@code w*h*3}
     * bytes at {@code px[offset]} (any 3-channel order: a raw BGR cell as stored), with the sink's rows laid
     * out as {@code layout} says (e.g. swapped to RGB and planar for a tensor).
     */
    public void resizeCrop(byte[] px, int offset, int w, int h, int outW, int outH, int left, int top, int cropW,
            int cropH, RowLayout layout, RowSink sink) {
        Scratch s = scratch.get();
        PillowCoeffs cv = s.coeffs(kernel, h, outH, 0);
        int rowFrom = cv.start()[top];
        int rowTo = cv.start()[top + cropH - 1] + cv.count()[top + cropH - 1];
        int rowBytes = cropW * 3;
        if (s.acc.length < rowBytes) {
            s.acc = new int[rowBytes];
        }
        if (s.tmp.length < rowTo - rowFrom || (s.tmp.length > 0 && s.tmp[0].length < rowBytes)) {
            // one array per row: the vertical pass then indexes each from 0, which C2 vectorises
            int cap = s.tmp.length == 0 ? 0 : s.tmp[0].length;
            s.tmp = new int[Math.max(rowTo - rowFrom, s.tmp.length)][Math.max(rowBytes, cap)];
        }
        int[][] tmp = s.tmp;
        if (outW == w) {
            // Pillow skips a pass whose axis keeps its size; with the crop offset it is a plain column copy.
            for (int y = rowFrom; y < rowTo; y++) {
                int from = offset + (y * w + left) * 3;
                int[] to = tmp[y - rowFrom];
                for (int x = 0; x < cropW; x++) {
                    for (int ch = 0; ch < 3; ch++) {
                        to[layout.index(x, ch, cropW)] = px[from + x * 3 + ch] & 0xff;
                    }
                }
            }
        }
        PillowCoeffs ch = outW == w ? null : s.coeffs(kernel, w, outW, 1);
        if (outH == h) {
            if (ch != null) {
                PillowPasses.horizontal(px, offset, w, rowFrom, rowTo, ch, left, cropW, tmp, rowFrom, layout);
            }
            int[] acc = s.acc;
            for (int y = 0; y < cropH; y++) {
                System.arraycopy(tmp[top + y - rowFrom], 0, acc, 0, rowBytes);
                sink.row(y, acc);
            }
            return;
        }
        // Bands of output rows: the horizontal pass runs just ahead of the vertical one, so the rows the
        // vertical pass reads are still in cache.
        int done = ch == null ? rowTo : rowFrom;
        for (int y = 0; y < cropH; y += BAND) {
            int yEnd = Math.min(cropH, y + BAND);
            int need = cv.start()[top + yEnd - 1] + cv.count()[top + yEnd - 1];
            if (need > done) {
                PillowPasses.horizontal(px, offset, w, done, need, ch, left, cropW, tmp, rowFrom, layout);
                done = need;
            }
            PillowPasses.vertical(tmp, rowBytes, rowFrom, cv, top + y, yEnd - y, s.acc, top, sink);
        }
    }
}
