package org.tol.filters.clip;

import org.tol.api.image.RgbImage;
import org.tol.filters.resample.PillowResampler;
import org.tol.filters.resample.ResampleKernel;
import org.tol.filters.resample.RowLayout;

/**
 * OpenAI CLIP's image preprocessing, matching its torchvision/PIL pipeline: {@code Resize(336, BICUBIC)} (short
 * side to 336, long side {@code int(336 * long / short)}, Pillow's antialiased bicubic, bit-exact),
 * {@code CenterCrop(336)} (offsets {@code round((size - 336) / 2)}, half to even like Python), {@code ToTensor}
 * ({@code /255}) and {@code Normalize(mean, std)} in float32, giving a planar [3, 336, 336] tensor. Only the
 * crop's rows and columns are resampled; a raw BGR cell ({@link #prepareBgrInto}) is read in place, the first
 * pass swapping the channels as it stores them.
 *
 * <p>Thread-safe (the resampler's scratch buffers are per thread), so the runtime's preprocessing pool can call it
 * concurrently.
 */
public final class ClipPreprocessor {
    public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    /** Rows as the normalisation reads them: each channel's run of values, R first. */
    private static final RowLayout PLANAR = new RowLayout(false, true);
    private static final RowLayout PLANAR_SWAPPED = new RowLayout(true, true);

    private final int size;
    /** {@code LUT[c][v] = (v / 255f - mean[c]) / std[c]}, the same float32 operations torchvision performs. */
    private final float[][] lut = new float[3][256];
    private final PillowResampler resampler = new PillowResampler(ResampleKernel.BICUBIC);

    public ClipPreprocessor() {
        this(336);
    }

    public ClipPreprocessor(int size) {
        this.size = size;
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = ((float) v / 255f - MEAN[c]) / STD[c];
            }
        }
    }

    public int size() {
        return size;
    }

    /** Floats per prepared image: 3 * size * size. */
    public int tensorLength() {
        return 3 * size * size;
    }

    /** Resized size (width, height) before the crop, as torchvision computes it. */
    public int[] resizedSize(int width, int height) {
        if (width <= height) {
            return new int[] {size, (int) ((double) size * height / width)};
        }
        return new int[] {(int) ((double) size * width / height), size};
    }

    /** Returns a new planar [3, size, size] float tensor. */
    public float[] prepare(RgbImage img) {
        float[] out = new float[tensorLength()];
        prepareInto(img, out, 0);
        return out;
    }

    /** The resized and cropped uint8 RGB pixels (interleaved), before ToTensor/Normalize; for tests and tools. */
    public byte[] resizeCrop(RgbImage img) {
        byte[] out = new byte[size * size * 3];
        run(img.pixels(), 0, img.width(), img.height(), RowLayout.INTERLEAVED, (row, values) -> {
            for (int i = 0; i < size * 3; i++) {
                out[row * size * 3 + i] = (byte) values[i];
            }
        });
        return out;
    }

    /** Writes the planar normalised tensor into {@code out} at {@code offset}. */
    public void prepareInto(RgbImage img, float[] out, int offset) {
        normalise(img.pixels(), 0, img.width(), img.height(), PLANAR, out, offset);
    }

    /**
     * The same tensor straight from a raw BGR cell ({@code width*height*3} bytes at {@code bgr[from]}, as
     * TreeOfLife-200M stores images): the BGR-to-RGB swap happens where the resampler's first pass stores its
     * values, so the cell is neither copied nor flipped first.
     */
    public void prepareBgrInto(byte[] bgr, int from, int width, int height, float[] out, int offset) {
        if ((long) width * height * 3 > bgr.length - from) {
            throw new IllegalArgumentException("a " + width + "x" + height + " BGR image needs "
                    + (long) width * height * 3 + " bytes, the cell holds " + (bgr.length - from));
        }
        normalise(bgr, from, width, height, PLANAR_SWAPPED, out, offset);
    }

    /** Resize, crop and ToTensor/Normalize, one finished planar row (R, G, B runs of {@code size}) at a time. */
    private void normalise(byte[] px, int from, int w, int h, RowLayout planar, float[] out, int offset) {
        int plane = size * size;
        run(px, from, w, h, planar, (row, v) -> {
            for (int c = 0; c < 3; c++) {
                float[] l = lut[c];
                int o = offset + c * plane + row * size;
                int b = c * size;
                for (int x = 0; x < size; x++) {
                    out[o + x] = l[v[b + x]];
                }
            }
        });
    }

    private void run(byte[] px, int from, int w, int h, RowLayout layout, PillowResampler.RowSink sink) {
        int[] rs = resizedSize(w, h);
        int outW = rs[0];
        int outH = rs[1];
        int left = (int) Math.rint((outW - size) / 2.0); // Python round(): half to even
        int top = (int) Math.rint((outH - size) / 2.0);
        resampler.resizeCrop(px, from, w, h, outW, outH, left, top, size, size, layout, sink);
    }
}
