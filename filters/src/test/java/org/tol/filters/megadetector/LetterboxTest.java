package org.tol.filters.megadetector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;

/** Geometry and pixels of the letterbox, worked by hand from PytorchWildlife's letterbox and torch's bilinear. */
class LetterboxTest {
    @Test
    void wideImageIsPaddedTopAndBottom() {
        LetterboxGeometry g = LetterboxGeometry.of(1000, 500, 640);
        assertEquals(0.64, g.scale(), 0);
        assertEquals(640, g.newWidth());
        assertEquals(320, g.newHeight());
        assertEquals(0, g.left());
        assertEquals(160, g.top());
    }

    @Test
    void upscalesSmallImagesAndSendsTheOddRowToTheTop() {
        LetterboxGeometry g = LetterboxGeometry.of(300, 200, 640);
        assertEquals(640 / 300.0, g.scale(), 0);
        assertEquals(640, g.newWidth());
        assertEquals(427, g.newHeight()); // 200 * 2.1333 = 426.67
        assertEquals(107, g.top()); // dh = 106.5: PytorchWildlife pads top round(106.6) = 107, bottom round(106.4) = 106
    }

    @Test
    void referenceCase720x480PadsTop107Bottom106() {
        // PytorchWildlife letterbox: r = 640/720, new 640 x round(426.67) = 427, dh = 106.5,
        // F.pad(..., (round(-0.1), round(0.1), round(106.6), round(106.4))) = (0, 0, 107, 106)
        LetterboxGeometry g = LetterboxGeometry.of(720, 480, 640);
        assertEquals(427, g.newHeight());
        assertEquals(0, g.left());
        assertEquals(107, g.top());
        assertEquals(106, 640 - g.top() - g.newHeight());
        // the pixels: rows 0..106 padding, 107..533 image, 534..639 padding (106 rows)
        float[] chw = new Letterbox(640).apply(new RgbImage(720, 480, new byte[720 * 480 * 3])).chw();
        float pad = 114f / 255f;
        assertEquals(pad, chw[106 * 640 + 5]);
        assertEquals(0f, chw[107 * 640 + 5]);
        assertEquals(0f, chw[533 * 640 + 5]);
        assertEquals(pad, chw[534 * 640 + 5]);
        // a box (90,90)-(180,180) of the original sits at y 107 + 80 .. 107 + 160 and maps back to it
        assertArrayEquals(new float[] {0.125f, 0.1875f, 0.125f, 0.1875f}, g.toNormalizedXywh(80, 187, 160, 267), 1e-6f);
    }

    @Test
    void theOddColumnGoesToTheRight() {
        // portrait 480x720: new width 427, dw = 106.5: left round(106.4) = 106, right round(106.6) = 107
        LetterboxGeometry g = LetterboxGeometry.of(480, 720, 640);
        assertEquals(427, g.newWidth());
        assertEquals(106, g.left());
        assertEquals(0, g.top());
        float[] chw = new Letterbox(640).apply(new RgbImage(480, 720, new byte[480 * 720 * 3])).chw();
        assertEquals(114f / 255f, chw[5 * 640 + 105]);
        assertEquals(0f, chw[5 * 640 + 106]);
        assertEquals(0f, chw[5 * 640 + 532]);
        assertEquals(114f / 255f, chw[5 * 640 + 533]);
    }

    @Test
    void thePadRoundTripRepeatsTorchFloat32() {
        // F.pad(im * 255.0, ...) / 255.0 in float32 (numpy float32 gives the same): 869/100000f = 0x3c0e6080
        // comes back as 0x3c0e6081, while the 256 ToTensor values v/255 survive unchanged
        assertEquals(0x3c0e6081, Float.floatToIntBits(Letterbox.roundTrip(Float.intBitsToFloat(0x3c0e6080))));
        assertEquals(0x3ca5657f, Float.floatToIntBits(Letterbox.roundTrip(Float.intBitsToFloat(0x3ca56580))));
        for (int i = 0; i < 256; i++) {
            assertEquals(i / 255f, Letterbox.roundTrip(i / 255f));
        }
    }

    @Test
    void halfPixelPaddingsAreNeverTiesForPythonsRound() {
        // dw, dh are whole or half numbers, so dw -/+ 0.1 is never x.5 and half-to-even cannot decide anything:
        // dw = 0.5 -> (round(0.4), round(0.6)) = (0, 1); dw = 2.5 -> (round(2.4), round(2.6)) = (2, 3)
        assertEquals(0, LetterboxGeometry.of(3, 4, 4).left()); // padding 1 column: it goes right
        assertEquals(2, LetterboxGeometry.of(3, 8, 8).left()); // padding 5: left 2, right 3
        assertEquals(1, LetterboxGeometry.of(4, 3, 4).top()); // padding 1 row: it goes on top
        assertEquals(3, LetterboxGeometry.of(8, 3, 8).top()); // padding 5: top 3, bottom 2
        assertEquals(1, LetterboxGeometry.of(8, 6, 8).top()); // padding 2 (dh = 1): top 1, bottom 1
    }

    @Test
    void roundsHalfToEvenLikePython() {
        // r = min(5/4, 5/2) = 1.25, w*r = 2.5 -> Python round gives 2; dw = 1.5 -> left round(1.4) = 1
        LetterboxGeometry g = LetterboxGeometry.of(2, 4, 5);
        assertEquals(2, g.newWidth());
        assertEquals(5, g.newHeight());
        assertEquals(1, g.left());
        assertEquals(0, g.top());
    }

    @Test
    void boxesMapBackToNormalisedOriginalXywh() {
        LetterboxGeometry g = LetterboxGeometry.of(1000, 500, 640);
        // (64,192)-(128,224) in the letterbox = (100,50)-(200,100) in the original
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.1f}, g.toNormalizedXywh(64, 192, 128, 224), 1e-6f);
        // boxes reaching into the padding are clipped to the image
        assertArrayEquals(new float[] {0f, 0f, 1f, 1f}, g.toNormalizedXywh(-10, 150, 700, 480), 1e-6f);
    }

    @Test
    void upscaledPixelsFollowTorchBilinearAndPaddingIs114() {
        // 2x1 red|blue -> r = min(4/1, 4/2) = 2 -> 4x2 at top 1; columns sample -0.25->0, 0.25, 0.75, 1.25->1
        byte[] px = {(byte) 255, 0, 0, 0, 0, (byte) 255};
        LetterboxedImage li = new Letterbox(4).apply(new RgbImage(2, 1, px));
        float[] chw = li.chw();
        float pad = 114f / 255f;
        float[] red = new float[16];
        float[] blue = new float[16];
        System.arraycopy(chw, 0, red, 0, 16);
        System.arraycopy(chw, 32, blue, 0, 16);
        float[] expectRed = {pad, pad, pad, pad, 1f, 0.75f, 0.25f, 0f, 1f, 0.75f, 0.25f, 0f, pad, pad, pad, pad};
        float[] expectBlue = {pad, pad, pad, pad, 0f, 0.25f, 0.75f, 1f, 0f, 0.25f, 0.75f, 1f, pad, pad, pad, pad};
        assertArrayEquals(expectRed, red, 1e-6f);
        assertArrayEquals(expectBlue, blue, 1e-6f);
        for (int i = 16; i < 32; i++) {
            float expectGreen = (i / 4 == 5 || i / 4 == 6) ? 0f : pad;
            assertEquals(expectGreen, chw[i], 1e-6f, "green at " + i);
        }
    }

    @Test
    void downscaledPixelsAreNotAntialiased() {
        // 4x2 -> S=2: r = 0.5, 2x1; source x = 0.5 and 2.5, y = 0.5: each output averages a 2x2 block
        byte[] px = new byte[4 * 2 * 3];
        int[] row0 = {0, 40, 80, 120};
        int[] row1 = {200, 160, 120, 80};
        for (int x = 0; x < 4; x++) {
            px[x * 3] = (byte) row0[x];
            px[(4 + x) * 3] = (byte) row1[x];
        }
        LetterboxedImage li = new Letterbox(2).apply(new RgbImage(4, 2, px));
        assertEquals(1, li.geometry().newHeight());
        assertEquals(1, li.geometry().top()); // dh = 0.5: the padding row goes on top (round(0.6) = 1)
        assertEquals(114f / 255f, li.chw()[0], 1e-6f);
        assertEquals(114f / 255f, li.chw()[1], 1e-6f);
        assertEquals((0 + 40 + 200 + 160) / 4f / 255f, li.chw()[2], 1e-6f);
        assertEquals((80 + 120 + 120 + 80) / 4f / 255f, li.chw()[3], 1e-6f);
    }
}
