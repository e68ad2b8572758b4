package org.tol.filters.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;
import org.tol.filters.resample.PillowCoeffs;
import org.tol.filters.resample.ResampleKernel;
import org.tol.io.image.RawBgr;

/**
 * The fast path ({@link ClipPreprocessor#prepareBgrInto}: raw BGR read in place, the swap and planar layout done
 * by the first pass, only the crop's rows and columns resampled) against the plain path written out here
 * naively: swap to RGB, Pillow's two passes pixel by pixel over the whole width, then crop, then
 * {@code (v / 255 - mean) / std}. Odd sizes reach every branch: both passes, one pass skipped, no resize, 1-px
 * wide and tall images, upscaling and the wide (transposed) horizontal pass.
 */
class ClipPreprocessorBgrTest {
    private static final int[][] SIZES = {
        {337, 1000}, {1000, 337}, {335, 335}, {1, 5000}, {5000, 1}, {720, 540}, {540, 720}, {336, 336},
        {336, 501}, {501, 336}, {3, 2}, {97, 1301}
    };

    @Test
    void bgrFastPathEqualsThePlainPath() {
        ClipPreprocessor pre = new ClipPreprocessor();
        Random rnd = new Random(17);
        for (int[] s : SIZES) {
            int w = s[0];
            int h = s[1];
            byte[] bgr = new byte[w * h * 3];
            rnd.nextBytes(bgr);
            String what = w + "x" + h;
            float[] plain = plain(RawBgr.toRgb(bgr, w, h), 336);
            // the cell in the middle of a larger buffer, as a page view would hold it
            byte[] page = new byte[bgr.length + 11];
            System.arraycopy(bgr, 0, page, 7, bgr.length);
            float[] fast = new float[5 + pre.tensorLength()];
            pre.prepareBgrInto(page, 7, w, h, fast, 5);
            assertArrayEquals(plain, java.util.Arrays.copyOfRange(fast, 5, fast.length), what + ": BGR fast path");
            assertArrayEquals(plain, pre.prepare(RawBgr.toRgb(bgr, w, h)), what + ": RGB path");
        }
    }

    @Test
    void aCellShorterThanItsSizeIsRefused() {
        ClipPreprocessor pre = new ClipPreprocessor();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pre.prepareBgrInto(new byte[100], 0, 10, 10, new float[pre.tensorLength()], 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("10x10"), e.getMessage());
    }

    /** Resize (short side to size), centre crop, normalise, the slow obvious way. */
    static float[] plain(RgbImage img, int size) {
        int w = img.width();
        int h = img.height();
        int outW = w <= h ? size : (int) ((double) size * w / h);
        int outH = w <= h ? (int) ((double) size * h / w) : size;
        int left = (int) Math.rint((outW - size) / 2.0);
        int top = (int) Math.rint((outH - size) / 2.0);
        // horizontal pass over every input row and every output column
        int[][] mid = new int[h][outW * 3];
        PillowCoeffs cx = PillowCoeffs.of(ResampleKernel.BICUBIC, w, outW);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    if (outW == w) {
                        mid[y][x * 3 + c] = img.get(x, y, c);
                        continue;
                    }
                    long v = 1 << (PillowCoeffs.PRECISION_BITS - 1);
                    for (int t = 0; t < cx.count()[x]; t++) {
                        v += (long) img.get(cx.start()[x] + t, y, c) * cx.weights()[x * cx.stride() + t];
                    }
                    mid[y][x * 3 + c] = clip(v);
                }
            }
        }
        // vertical pass for the crop's rows only: every output row depends on its own taps alone
        PillowCoeffs cy = PillowCoeffs.of(ResampleKernel.BICUBIC, h, outH);
        float[] out = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            int yy = top + y;
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    int px;
                    if (outH == h) {
                        px = mid[yy][(left + x) * 3 + c];
                    } else {
                        long v = 1 << (PillowCoeffs.PRECISION_BITS - 1);
                        for (int t = 0; t < cy.count()[yy]; t++) {
                            v += (long) mid[cy.start()[yy] + t][(left + x) * 3 + c] * cy.weights()[yy * cy.stride() + t];
                        }
                        px = clip(v);
                    }
                    out[c * size * size + y * size + x] = ((float) px / 255f - ClipPreprocessor.MEAN[c])
                            / ClipPreprocessor.STD[c];
                }
            }
        }
        return out;
    }

    private static int clip(long v) {
        return (int) Math.max(0, Math.min(v >> PillowCoeffs.PRECISION_BITS, 255));
    }
}
