package org.tol.filters.clip;

import org.tol.api.image.RgbImage;

/**
 * OpenAI CLIP's image preprocessing, matching its torchvision/PIL pipeline: {@code Resize(336, BICUBIC)} (short
 * side to 336, long side {@code int(336 * long / short)}, Pillow's antialiased bicubic, bit-exact),
 * {@code CenterCrop(336)} (offsets {@code round((size - 336) / 2)}, half to even like Python), {@code ToTensor}
 * ({@code /255}) and {@code Normalize(mean, std)} in float32, giving a planar [3, 336, 336] tensor.
 *
 * <p>Thread-safe: scratch buffers are per thread, so the runtime's preprocessing pool can call it concurrently.
 */
public final class ClipPreprocessor {
    public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    /** Output rows per band of the interleaved horizontal/vertical passes. */
    private static final int BAND = 16;

    private final int size;
    /** {@code LUT[c][v] = (v / 255f - mean[c]) / std[c]}, the same float32 operations torchvision performs. */
    private final float[][] lut = new float[3][256];
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        int[] tmp = new int[0];
        int[] acc = new int[0];
    }

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
        run(img, (row, values) -> {
            for (int i = 0; i < size * 3; i++) {
                out[row * size * 3 + i] = (byte) values[i];
            }
        });
        return out;
    }

    /** Writes the planar normalised tensor into {@code out} at {@code offset}. */
    public void prepareInto(RgbImage img, float[] out, int offset) {
        int plane = size * size;
        float[] l0 = lut[0];
        float[] l1 = lut[1];
        float[] l2 = lut[2];
        run(img, (row, v) -> {
            int o = offset + row * size;
            for (int x = 0, i = 0; x < size; x++, i += 3) {
                out[o + x] = l0[v[i]];
                out[o + plane + x] = l1[v[i + 1]];
                out[o + 2 * plane + x] = l2[v[i + 2]];
            }
        });
    }

    private void run(RgbImage img, PilBicubic.RowSink sink) {
        int w = img.width();
        int h = img.height();
        int[] rs = resizedSize(w, h);
        int outW = rs[0];
        int outH = rs[1];
        int left = (int) Math.rint((outW - size) / 2.0); // Python round(): half to even
        int top = (int) Math.rint((outH - size) / 2.0);
        PilBicubic.Coeffs cv = PilBicubic.coeffs(h, outH);
        int rowFrom = cv.start()[top];
        int rowTo = cv.start()[top + size - 1] + cv.count()[top + size - 1];
        int rowBytes = size * 3;
        Scratch s = scratch.get();
        if (s.acc.length < rowBytes) {
            s.acc = new int[rowBytes];
        }
        int[] tmp = ensure(s, (rowTo - rowFrom) * rowBytes);
        if (outW == w) {
            // Pillow skips a pass whose axis keeps its size; with the crop offset it is a plain column copy.
            byte[] px = img.pixels();
            for (int y = rowFrom; y < rowTo; y++) {
                int from = (y * w + left) * 3;
                int to = (y - rowFrom) * rowBytes;
                for (int i = 0; i < rowBytes; i++) {
                    tmp[to + i] = px[from + i] & 0xff;
                }
            }
        }
        if (outH == h) {
            if (outW != w) {
                PilBicubic.horizontal(img.pixels(), w, rowFrom, rowTo, PilBicubic.coeffs(w, outW), left, size, tmp, rowFrom);
            }
            int[] acc = s.acc;
            for (int y = 0; y < size; y++) {
                int off = (top + y - rowFrom) * rowBytes;
                System.arraycopy(tmp, off, acc, 0, rowBytes);
                sink.row(y, acc);
            }
            return;
        }
        // Bands of output rows: the horizontal pass runs just ahead of the vertical one, so the rows the
        // vertical pass reads are still in cache (the whole intermediate image is ~2 MB).
        PilBicubic.Coeffs ch = outW == w ? null : PilBicubic.coeffs(w, outW);
        int done = outW == w ? rowTo : rowFrom;
        for (int y = 0; y < size; y += BAND) {
            int yEnd = Math.min(size, y + BAND);
            int need = cv.start()[top + yEnd - 1] + cv.count()[top + yEnd - 1];
            if (need > done) {
                PilBicubic.horizontal(img.pixels(), w, done, need, ch, left, size, tmp, rowFrom);
                done = need;
            }
            PilBicubic.vertical(tmp, rowBytes, rowFrom, cv, top + y, yEnd - y, s.acc, top, sink);
        }
    }

    private static int[] ensure(Scratch s, int n) {
        if (s.tmp.length < n) {
            s.tmp = new int[n];
        }
        return s.tmp;
    }
}
