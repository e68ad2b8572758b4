package org.tol.io.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;

/** Every way into RawBgr gives the per-pixel swap, for lengths around the 24-byte word step. */
class RawBgrTest {
    /** Independent reference: pixel by pixel, channel by channel. */
    private static byte[] expected(byte[] bgr) {
        byte[] rgb = new byte[bgr.length];
        for (int p = 0; p < bgr.length / 3; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * p + c] = bgr[3 * p + 2 - c];
            }
        }
        return rgb;
    }

    @Test
    void arrayHeapSliceReadOnlyAndDirectBuffersAllFlipEveryPixel() {
        Random rnd = new Random(7);
        for (int pixels : new int[] {1, 2, 7, 8, 9, 15, 16, 17, 1000, 224 * 224 + 5}) {
            byte[] bgr = new byte[pixels * 3];
            rnd.nextBytes(bgr);
            byte[] want = expected(bgr);
            byte[] padded = new byte[bgr.length + 11];
            System.arraycopy(bgr, 0, padded, 5, bgr.length);
            ByteBuffer direct = ByteBuffer.allocateDirect(bgr.length + 4);
            direct.position(4);
            direct.put(bgr).position(4);

            RgbImage fromArray = RawBgr.toRgb(bgr, pixels, 1);
            assertArrayEquals(want, fromArray.pixels(), "array, " + pixels);
            assertArrayEquals(bgr, RawBgr.fromRgb(fromArray), "back to BGR, " + pixels);
            assertArrayEquals(want, fromArray.pixels(), "fromRgb leaves the image alone, " + pixels);
            assertArrayEquals(want, RawBgr.toRgb(ByteBuffer.wrap(padded, 5, bgr.length), pixels, 1).pixels(),
                    "heap buffer at an offset, " + pixels);
            assertArrayEquals(want, RawBgr.toRgb(ByteBuffer.wrap(padded, 5, bgr.length).slice().asReadOnlyBuffer(),
                    pixels, 1).pixels(), "read-only slice, " + pixels);
            assertArrayEquals(want, RawBgr.toRgb(direct, pixels, 1).pixels(), "direct, " + pixels);
            assertEquals(4, direct.position(), "the buffer's position is not moved");
        }
    }

    @Test
    void bufferPathKeepsWidthAndHeightAndLeavesTheSourceAlone() {
        byte[] bgr = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        ByteBuffer view = ByteBuffer.wrap(bgr.clone()).asReadOnlyBuffer();
        RgbImage img = RawBgr.toRgb(view, 2, 2);
        assertEquals(2, img.width());
        assertEquals(2, img.height());
        assertArrayEquals(new byte[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}, img.pixels());
        byte[] back = new byte[12];
        view.get(0, back);
        assertArrayEquals(bgr, back);
    }

    @Test
    void flipInPlaceIsItsOwnInverse() {
        byte[] p = new byte[3 * 101];
        new Random(3).nextBytes(p);
        byte[] orig = p.clone();
        RawBgr.flipInPlace(p);
        assertArrayEquals(expected(orig), p);
        RawBgr.flipInPlace(p);
        assertArrayEquals(orig, p);
    }

    @Test
    void sizeFollowsTheReferenceRule() {
        // original_size first, then resized_size; the first [h, w] with h*w*3 == length wins
        assertArrayEquals(new long[] {2, 3}, RawBgr.size(18, new long[] {2, 3}, new long[] {3, 2}));
        assertArrayEquals(new long[] {4, 5}, RawBgr.size(60, new long[] {40, 50}, new long[] {4, 5}));
        assertEquals(null, RawBgr.size(61, new long[] {40, 50}, new long[] {4, 5}));
        assertEquals(null, RawBgr.size(0, new long[] {0, 0}, null));
        assertEquals(null, RawBgr.size(18, null, new long[] {-2, -3}));
        assertEquals(null, RawBgr.size(18, new long[] {6}, null));
    }
}
