package org.tol.filters.resample;

/**
 * How {@link PillowResampler} lays out the values of one output row: the channel order relative to the input
 * ({@code swap}: R and B exchanged, so raw BGR cells come out RGB and RGB comes out BGR) and interleaved
 * ({@code x*3 + ch}) or planar ({@code ch*width + x}) values. The layout is applied where the horizontal pass
 * stores its results, so it costs nothing; the pixel values are Pillow's either way.
 */
public record RowLayout(boolean swap, boolean planar) {
    /** Input order, interleaved: what Pillow itself returns. */
    public static final RowLayout INTERLEAVED = new RowLayout(false, false);

    /** Index of channel {@code ch} (in input order) of output column {@code x} in a row of {@code width} pixels. */
    public int index(int x, int ch, int width) {
        int c = swap ? 2 - ch : ch;
        return planar ? c * width + x : x * 3 + c;
    }
}
