package org.tol.filters.faces;

import org.tol.filters.resample.PillowResampler;
import org.tol.filters.resample.ResampleKernel;
import org.tol.filters.resample.RowLayout;

/**
 * Pillow's {@code Image.resize(size, BILINEAR)} for 8-bit RGB, which torchvision's {@code Resize} runs on
 * the PIL images the reference feeds MTCNN, so the 720x720 working image matches the reference byte for byte
 * (the shared {@link PillowResampler} with the bilinear kernel).
 */
public final class PilBilinearResize {
    private static final PillowResampler BILINEAR = new PillowResampler(ResampleKernel.BILINEAR);

    private PilBilinearResize() {}

    /** Resizes interleaved RGB {@code w x h} to {@code outW x outH}; returns the input itself when sizes agree. */
    public static byte[] resize(byte[] rgb, int w, int h, int outW, int outH) {
        return BILINEAR.resize(rgb, w, h, outW, outH);
    }

    /** The interleaved RGB bytes of the raw BGR cell at {@code bgr[offset]} resized, the swap done by the first pass. */
    public static byte[] resizeBgrToRgb(byte[] bgr, int offset, int w, int h, int outW, int outH) {
        return BILINEAR.resize(bgr, offset, w, h, outW, outH, SWAPPED);
    }

    private static final RowLayout SWAPPED = new RowLayout(true, false);
}
