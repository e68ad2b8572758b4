package org.tol.io.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;

/** encodeBgr is encode without the swap: same bytes from the same pixels, and the channels land right. */
class ImageEncoderTest {
    @Test
    void bgrInputGivesTheSameJpegAsTheRgbImage() {
        RgbImage img = SyntheticImages.render(new Random(5), 64, 48);
        ImageEncoder jpeg = new ImageEncoder(ImageEncoder.Format.JPEG, 100);
        assertArrayEquals(jpeg.encode(img), jpeg.encodeBgr(64, 48, RawBgr.fromRgb(img)));
    }

    @Test
    void redStaysRedAndBlueStaysBlue() {
        int w = 32;
        int h = 16;
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bgr[(y * w + x) * 3 + (x < w / 2 ? 2 : 0)] = (byte) 255; // left half red, right half blue
            }
        }
        byte[] png = new ImageEncoder(ImageEncoder.Format.PNG, 100).encodeBgr(w, h, bgr);
        RgbImage back = new ImageDecoder().decode(png, null, null).image();
        assertEquals(255, back.pixels()[0] & 0xff); // R of the top-left pixel
        assertEquals(0, back.pixels()[2] & 0xff);
        int right = (w - 1) * 3;
        assertEquals(0, back.pixels()[right] & 0xff);
        assertEquals(255, back.pixels()[right + 2] & 0xff);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageEncoder(ImageEncoder.Format.JPEG, 90).encodeBgr(w, h + 1, bgr));
        assertTrue(e.getMessage().contains("BGR bytes"), e.getMessage());
    }
}
