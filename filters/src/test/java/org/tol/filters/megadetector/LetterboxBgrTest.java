package org.tol.filters.megadetector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.model.Tensor;
import org.tol.filters.testing.FakeModel;
import org.tol.io.image.RawBgr;

/**
 * The raw-BGR fast path ({@link MegaDetectorFilter#prepareBgr}: the cell read in place, each channel written to
 * its RGB plane) gives the same floats, bit for bit, as {@link MegaDetectorFilter#prepare} of the decoded RGB
 * image, on odd sizes (1 px, both letterbox orientations, odd padding, a 2000x1 strip) and with the cell in the
 * middle of a larger buffer; and both equal torch's per-pixel formula written out here (the letterbox's separable
 * rows must not change a float).
 */
class LetterboxBgrTest {
    private static final int[][] SIZES = {{1, 1}, {3, 5}, {641, 479}, {479, 641}, {720, 540}, {2000, 1}, {640, 640}};

    @Test
    void bgrFastPathEqualsTheRgbPath() throws Exception {
        FakeModel model = new FakeModel(new long[] {-1, 3, 640, 640}, List.of(new long[] {-1, 4, 6}),
                x -> List.of(new Tensor(new float[(int) x.dim(0) * 24], new long[] {x.dim(0), 4, 6})));
        MegaDetectorFilter f = new MegaDetectorFilter(model, MegaDetectorOptions.defaults(), "x");
        Random rnd = new Random(23);
        for (int[] s : SIZES) {
            int w = s[0];
            int h = s[1];
            byte[] bgr = new byte[w * h * 3];
            rnd.nextBytes(bgr);
            LetterboxedImage rgb = f.prepare(RawBgr.toRgb(bgr, w, h));
            byte[] page = new byte[bgr.length + 13];
            System.arraycopy(bgr, 0, page, 9, bgr.length);
            LetterboxedImage fast = f.prepareBgr(page, 9, w, h);
            assertEquals(rgb.geometry(), fast.geometry(), w + "x" + h);
            assertArrayEquals(rgb.chw(), fast.chw(), w + "x" + h + ": BGR fast path");
            assertArrayEquals(rgb.chw(), f.prepareBgr(bgr, 0, w, h).chw(), w + "x" + h + ": at offset 0");
            assertArrayEquals(perPixel(RawBgr.toRgb(bgr, w, h), 640), rgb.chw(), w + "x" + h + ": per-pixel formula");
        }
    }

    /** Each output value from its four source pixels, in the order torch's upsample_bilinear2d sums them. */
    static float[] perPixel(org.tol.api.image.RgbImage img, int size) {
        LetterboxGeometry g = LetterboxGeometry.of(img.width(), img.height(), size);
        Letterbox.Axis xs = Letterbox.Axis.of(img.width(), g.newWidth());
        Letterbox.Axis ys = Letterbox.Axis.of(img.height(), g.newHeight());
        float[] out = new float[3 * size * size];
        java.util.Arrays.fill(out, Letterbox.PAD);
        for (int oy = 0; oy < g.newHeight(); oy++) {
            for (int ox = 0; ox < g.newWidth(); ox++) {
                for (int c = 0; c < 3; c++) {
                    float top = xs.w0[ox] * (img.get(xs.i0[ox], ys.i0[oy], c) / 255f)
                            + xs.w1[ox] * (img.get(xs.i1[ox], ys.i0[oy], c) / 255f);
                    float bottom = xs.w0[ox] * (img.get(xs.i0[ox], ys.i1[oy], c) / 255f)
                            + xs.w1[ox] * (img.get(xs.i1[ox], ys.i1[oy], c) / 255f);
                    float v = ys.w0[oy] * top + ys.w1[oy] * bottom;
                    out[c * size * size + (oy + g.top()) * size + g.left() + ox] = v * 255f / 255f;
                }
            }
        }
        return out;
    }

    @Test
    void theChannelsLandInTheirRgbPlanes() {
        // one blue pixel (B=255 stored first) letterboxes to a blue image: R and G planes 0, B plane 1
        LetterboxedImage b = new Letterbox(4).applyBgr(new byte[] {(byte) 255, 0, 0}, 0, 1, 1);
        assertEquals(0f, b.chw()[0]);
        assertEquals(0f, b.chw()[16]);
        assertEquals(1f, b.chw()[32]);
    }

    @Test
    void aCellShorterThanItsSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Letterbox(640).applyBgr(new byte[100], 5, 10, 10));
        assertTrue(e.getMessage().contains("10x10"), e.getMessage());
    }
}
