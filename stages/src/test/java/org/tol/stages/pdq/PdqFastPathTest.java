package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;
import org.tol.io.image.RawBgr;
import org.tol.io.image.SyntheticImages;

/**
 * The fused path ({@link PdqDownsampler}, the row-wise DCT, luma straight from BGR) against the plain steps it
 * replaced: full luma plane, {@link PlainPdqSteps#filter}, {@link PlainPdqSteps#decimate}, the DCT as serial dot
 * products. Every float and every hash bit must be the same, on odd sizes and both luma precisions.
 */
class PdqFastPathTest {
    private static final int[][] SIZES = {{1, 1}, {63, 65}, {65, 63}, {720, 540}, {1, 2000}, {2000, 1}, {5, 5},
        {7, 130}, {257, 129}, {129, 257}, {64, 64}, {3, 9}};

    @Test
    void downsamplingIsBitIdenticalToThePlainStepsFromRgbAndBgr() {
        Random rnd = new Random(5);
        for (LumaPrecision p : LumaPrecision.values()) {
            PdqDownsampler fast = new PdqDownsampler(p);
            for (int[] s : SIZES) {
                RgbImage img = image(rnd, s[0], s[1]);
                float[] expected = plainDownsample(img, p);
                float[] fromRgb = new float[64 * 64];
                fast.downsample(img.pixels(), 0, 0, 2, s[1], s[0], fromRgb);
                assertBitsEqual(expected, fromRgb, p + " RGB " + s[0] + "x" + s[1]);
                byte[] bgr = withPrefix(RawBgr.fromRgb(img), 5);
                float[] fromBgr = new float[64 * 64];
                fast.downsample(bgr, 5, 2, 0, s[1], s[0], fromBgr);
                assertBitsEqual(expected, fromBgr, p + " BGR " + s[0] + "x" + s[1]);
            }
        }
    }

    @Test
    void hashesEqualThePlainPipelineOnBothPrecisions() {
        Random rnd = new Random(11);
        for (LumaPrecision p : LumaPrecision.values()) {
            PdqHasher hasher = new PdqHasher(p);
            for (int[] s : SIZES) {
                RgbImage img = image(rnd, s[0], s[1]);
                PdqResult expected = plainHash(img, p);
                String at = p + " " + s[0] + "x" + s[1];
                assertEquals(expected, hasher.hash(img), at);
                assertEquals(expected, hasher.hashBgr(withPrefix(RawBgr.fromRgb(img), 3), 3, s[0], s[1]), at + " BGR");
            }
        }
    }

    @Test
    void rowWiseDctEqualsSerialDotProducts() {
        Random rnd = new Random(3);
        float[] a = new float[64 * 64];
        for (int t = 0; t < 20; t++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = rnd.nextFloat() * 255;
            }
            float[] fast = new float[256];
            PdqDct.create().apply(a, fast);
            assertBitsEqual(plainDct(a), fast, "dct " + t);
        }
    }

    @Test
    void aShortBgrCellIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PdqHasher().hashBgr(new byte[100], 0, 10, 10));
    }

    private static RgbImage image(Random rnd, int w, int h) {
        if (w >= 64 && h >= 64) {
            return SyntheticImages.render(rnd, w, h);
        }
        byte[] px = new byte[w * h * 3];
        rnd.nextBytes(px);
        return new RgbImage(w, h, px);
    }

    private static byte[] withPrefix(byte[] b, int prefix) {
        byte[] out = new byte[prefix + b.length + 2];
        System.arraycopy(b, 0, out, prefix, b.length);
        return out;
    }

    static float[] plainDownsample(RgbImage img, LumaPrecision p) {
        int rows = img.height();
        int cols = img.width();
        float[] luma = new float[rows * cols];
        p.fill(img.pixels(), luma, rows * cols);
        PlainPdqSteps.filter(luma, new float[luma.length], rows, cols);
        float[] out = new float[64 * 64];
        PlainPdqSteps.decimate(luma, rows, cols, out);
        return out;
    }

    private static float[] plainDct(float[] a) {
        float[] d = PdqDct.matrixCopy();
        float[] t = new float[16 * 64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float sum = 0.0f;
                for (int k = 0; k < 64; k++) {
                    sum += d[i * 64 + k] * a[k * 64 + j];
                }
                t[i * 64 + j] = sum;
            }
        }
        float[] out = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float sum = 0.0f;
                for (int k = 0; k < 64; k++) {
                    sum += t[i * 64 + k] * d[j * 64 + k];
                }
                out[i * 16 + j] = sum;
            }
        }
        return out;
    }

    private static PdqResult plainHash(RgbImage img, LumaPrecision p) {
        if (img.width() < PdqHasher.MIN_HASHABLE_DIM || img.height() < PdqHasher.MIN_HASHABLE_DIM) {
            return new PdqResult(PdqHash.ofLongs(0, 0, 0, 0), 0);
        }
        float[] decimated = plainDownsample(img, p);
        return new PdqResult(PdqHasher.threshold(plainDct(decimated)), PdqHasher.quality(decimated));
    }

    private static void assertBitsEqual(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                assertEquals(expected[i], actual[i], what + " differs at " + i);
            }
        }
    }
}
