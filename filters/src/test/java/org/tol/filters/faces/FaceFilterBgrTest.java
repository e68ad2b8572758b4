package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.io.image.RawBgr;

/**
 * The raw-BGR fast path ({@link FaceFilter#prepareBgr}: the cell read in place, the swap done by the resampler's
 * first pass) gives the same 720x720 working image, byte for byte, and the same pyramid levels, float for float,
 * as {@link FaceFilter#prepare} of the decoded RGB image: odd sizes (1 px, a 2000x1 strip, up- and downscaling
 * per axis, 720x720 where the resize is skipped) and the cell in the middle of a larger buffer.
 */
class FaceFilterBgrTest {
    private static final int[][] SIZES = {{1, 1}, {3, 5}, {641, 479}, {479, 641}, {720, 540}, {2000, 1}, {720, 720}};

    @Test
    void bgrFastPathEqualsTheRgbPath() throws Exception {
        MtcnnNets nets = new MtcnnNets(MtcnnCascadeTest.pnet(0, 10, 20), MtcnnCascadeTest.rnet(0.99f, 0.1f),
                MtcnnCascadeTest.onet(0.995f));
        FaceFilter f = new FaceFilter(nets, MtcnnOptions.defaults(), "test");
        Random rnd = new Random(29);
        for (int[] s : SIZES) {
            int w = s[0];
            int h = s[1];
            String what = w + "x" + h;
            byte[] bgr = new byte[w * h * 3];
            rnd.nextBytes(bgr);
            FaceInput rgb = f.prepare(RawBgr.toRgb(bgr, w, h));
            byte[] page = new byte[bgr.length + 11];
            System.arraycopy(bgr, 0, page, 7, bgr.length);
            FaceInput fast = f.prepareBgr(page, 7, w, h);
            assertEquals(rgb.size(), fast.size(), what);
            assertEquals(w, fast.originalWidth(), what);
            assertEquals(h, fast.originalHeight(), what);
            assertArrayEquals(rgb.work(), fast.work(), what + ": working image");
            assertEquals(rgb.levels().length, fast.levels().length, what);
            for (int k = 0; k < rgb.levels().length; k++) {
                assertArrayEquals(rgb.levels()[k], fast.levels()[k], what + ": pyramid level " + k);
            }
        }
        // the fast path must not keep or modify the runtime's recycled cell
        byte[] cell = new byte[720 * 540 * 3];
        rnd.nextBytes(cell);
        byte[] before = cell.clone();
        FaceInput in = f.prepareBgr(cell, 0, 720, 540);
        assertArrayEquals(before, cell);
        assertTrue(in.work() != cell);
    }

    @Test
    void aCellShorterThanItsSizeIsRefused() throws Exception {
        MtcnnNets nets = new MtcnnNets(MtcnnCascadeTest.pnet(0, 10, 20), MtcnnCascadeTest.rnet(0.99f, 0.1f),
                MtcnnCascadeTest.onet(0.995f));
        FaceFilter f = new FaceFilter(nets, MtcnnOptions.defaults(), "test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.prepareBgr(new byte[100], 0, 10, 10));
        assertTrue(e.getMessage().contains("10x10"), e.getMessage());
    }
}
