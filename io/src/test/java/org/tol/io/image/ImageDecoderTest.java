package org.tol.io.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tol.api.image.DecodeError;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void rawBgrUsesOriginalSizeFirstAndFlipsToRgb() {
        // 2x1 image stored as BGR: pixel 0 = (B=1,G=2,R=3), pixel 1 = (B=4,G=5,R=6)
        byte[] cell = {1, 2, 3, 4, 5, 6};
        DecodeResult r = decoder.decode(cell, new long[] {1, 2}, new long[] {2, 1});
        assertTrue(r.isOk(), r.message());
        assertEquals(2, r.image().width());
        assertEquals(1, r.image().height());
        assertArrayEquals(new byte[] {3, 2, 1, 6, 5, 4}, r.image().pixels());
    }

    @Test
    void rawBgrFallsBackToResizedSizeWhenOriginalDoesNotFit() {
        byte[] cell = new byte[3 * 4 * 3];
        cell[0] = 9; // B of pixel 0
        DecodeResult r = decoder.decode(cell, new long[] {1000, 800}, new long[] {3, 4});
        assertTrue(r.isOk(), r.message());
        assertEquals(4, r.image().width());
        assertEquals(3, r.image().height());
        assertEquals(9, r.image().get(0, 0, 2));
    }

    @Test
    void nullAndEmptyCellsAreEmptyImage() {
        assertEquals(DecodeError.EMPTY, decoder.decode(null, new long[] {1, 1}, null).error());
        assertEquals(DecodeError.EMPTY, decoder.decode(new byte[0], new long[] {1, 1}, null).error());
    }

    @Test
    void lengthMatchingNoSizeIsSizeMismatchNamingBothSizes() {
        DecodeResult r = decoder.decode(new byte[35], new long[] {3, 4}, new long[] {2, 2});
        assertEquals(DecodeError.SIZE_MISMATCH, r.error());
        assertTrue(r.message().contains("[3, 4]") && r.message().contains("[2, 2]"), r.message());
    }

    @Test
    void unknownBytesWithoutSizesAreUnknownFormat() {
        byte[] junk = new byte[64];
        Arrays.fill(junk, (byte) 0x41);
        assertEquals(DecodeError.UNKNOWN_FORMAT, decoder.decode(junk, null, null).error());
    }

    @Test
    void rawImageAboveThePixelLimitIsTooLarge() {
        ImageDecoder small = new ImageDecoder(10);
        DecodeResult r = small.decode(new byte[4 * 4 * 3], new long[] {4, 4}, null);
        assertEquals(DecodeError.TOO_LARGE, r.error());
    }

    @Test
    void encodedHeaderAboveThePixelLimitIsRejectedBeforeDecoding() throws Exception {
        byte[] png = TestImages.imageIo(TestImages.pattern(40, 30), "png");
        DecodeResult r = new ImageDecoder(40 * 30 - 1).decode(png, null, null);
        assertEquals(DecodeError.TOO_LARGE, r.error());
        assertTrue(r.message().contains("40x30"), r.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff"})
    void losslessImageIoFormatsDecodeExactly(String format) throws Exception {
        RgbImage src = TestImages.pattern(37, 23);
        DecodeResult r = decoder.decode(TestImages.imageIo(src, format), null, null);
        assertTrue(r.isOk(), r.message());
        assertArrayEquals(src.pixels(), r.image().pixels());
    }

    @Test
    void gifDecodesItsPaletteColoursExactly() throws Exception {
        RgbImage src = TestImages.blocks(32, 16);
        DecodeResult r = decoder.decode(TestImages.imageIo(src, "gif"), null, null);
        assertTrue(r.isOk(), r.message());
        assertArrayEquals(src.pixels(), r.image().pixels());
    }

    @Test
    void losslessWebpDecodesExactly() {
        RgbImage src = TestImages.pattern(41, 19);
        byte[] webp = TestImages.openCv(src, ".webp", org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY, 101);
        assertEquals(ImageFormat.WEBP, ImageFormat.detect(webp));
        DecodeResult r = decoder.decode(webp, null, null);
        assertTrue(r.isOk(), r.message());
        assertArrayEquals(src.pixels(), r.image().pixels());
    }

    @Test
    void jpegDecodesCloseToTheSourceAndRawSizesDoNotConfuseIt() throws Exception {
        RgbImage src = TestImages.blocks(64, 48);
        byte[] jpeg = TestImages.imageIo(src, "jpg");
        // sizes that do not match the length must not stop an encoded cell from decoding
        DecodeResult r = decoder.decode(jpeg, new long[] {48, 64}, new long[] {48, 64});
        assertTrue(r.isOk(), r.message());
        assertEquals(64, r.image().width());
        // Lossy at ImageIO's default quality 0.75 with 4:2:0 chroma: a few levels off near colour edges.
        double diff = TestImages.meanAbsDiff(src, r.image());
        assertTrue(diff < 6.0, "JPEG drifted too far from the source: mean abs diff " + diff);
        // Two independent decoders (libjpeg-turbo via OpenCV, the JDK's) agree up to IDCT/upsampling rounding.
        double between = TestImages.meanAbsDiff(ImageIoCodec.decode(jpeg), r.image());
        assertTrue(between < 2.0, "OpenCV and ImageIO disagree: mean abs diff " + between);
    }

    @Test
    void truncatedJpegAndPngAreCorrupt() throws Exception {
        RgbImage src = TestImages.pattern(50, 40);
        for (String format : new String[] {"jpg", "png"}) {
            byte[] full = TestImages.imageIo(src, format);
            DecodeResult r = decoder.decode(Arrays.copyOf(full, full.length / 2), null, null);
            assertEquals(DecodeError.CORRUPT, r.error(), format);
            assertTrue(r.message().contains("truncated"), r.message());
        }
    }

    @Test
    void jpegWithGarbageBodyIsCorruptNotAnException() throws Exception {
        byte[] jpeg = TestImages.imageIo(TestImages.pattern(50, 40), "jpg");
        byte[] broken = jpeg.clone();
        Arrays.fill(broken, 20, broken.length - 2, (byte) 0x00);
        DecodeResult r = decoder.decode(broken, null, null);
        assertFalse(r.isOk());
        assertEquals(DecodeError.CORRUPT, r.error());
    }

    @Test
    void magicBytesDecideTheFormatNotTheFileName() throws Exception {
        RgbImage src = TestImages.pattern(8, 8);
        assertEquals(ImageFormat.PNG, ImageFormat.detect(TestImages.imageIo(src, "png")));
        assertEquals(ImageFormat.JPEG, ImageFormat.detect(TestImages.imageIo(src, "jpg")));
        assertEquals(ImageFormat.GIF, ImageFormat.detect(TestImages.imageIo(src, "gif")));
        assertEquals(ImageFormat.BMP, ImageFormat.detect(TestImages.imageIo(src, "bmp")));
        assertEquals(ImageFormat.TIFF, ImageFormat.detect(TestImages.imageIo(src, "tiff")));
    }
}
