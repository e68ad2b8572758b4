package org.tol.filters.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;
import org.tol.io.json.Json;

/**
 * CLIP preprocessing against (1) Pillow reference digests (bit-exact: filters/testdata/make_clip_preprocess_
 * reference.py) and (2) an independent double-precision implementation of the same maths.
 */
class ClipPreprocessorTest {
    private final ClipPreprocessor pre = new ClipPreprocessor();

    /** The same formula as pattern() in make_clip_preprocess_reference.py. */
    static RgbImage pattern(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    long v = ((long) x * x * 3 + y * 7L + (long) x * y + c * 85L + ((x * 13L) ^ (y * 29L))) & 255;
                    px[(y * w + x) * 3 + c] = (byte) v;
                }
            }
        }
        return new RgbImage(w, h, px);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void bitExactWithPillowReference() throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/clip/pil_reference.json")) {
            ref = Json.mapper().readTree(in);
        }
        assertEquals(10, ref.get("cases").size());
        for (JsonNode c : ref.get("cases")) {
            RgbImage img = pattern(c.get("width").asInt(), c.get("height").asInt());
            String what = c.get("width") + "x" + c.get("height");
            byte[] crop = pre.resizeCrop(img);
            for (int i = 0; i < 8; i++) {
                assertEquals(c.get("crop_first8").get(i).asInt(), crop[i] & 0xff, what + " crop byte " + i);
            }
            assertEquals(c.get("crop_sha256").asText(), sha256(crop), what + " uint8 crop differs from Pillow");
            float[] t = pre.prepare(img);
            ByteBuffer b = ByteBuffer.allocate(t.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t);
            assertEquals(c.get("tensor_sha256").asText(), sha256(b.array()), what + " float tensor differs");
        }
    }

    /**
     * Independent resize: continuous antialiased cubic (a=-0.5) in double, horizontal then vertical, with the
     * intermediate image clamped to [0, 255] (it is an 8-bit image in Pillow too) but never rounded or quantised.
     */
    private static double[] referenceResize(RgbImage img, int outW, int outH) {
        double[][] wx = weights(img.width(), outW);
        double[][] wy = weights(img.height(), outH);
        double[] mid = new double[outW * img.height() * 3];
        for (int j = 0; j < img.height(); j++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    double row = 0;
                    for (int i = 0; i < img.width(); i++) {
                        row += wx[x][i] * img.get(i, j, c);
                    }
                    mid[(j * outW + x) * 3 + c] = Math.max(0, Math.min(255, row));
                }
            }
        }
        double[] out = new double[outW * outH * 3];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int j = 0; j < img.height(); j++) {
                        s += wy[y][j] * mid[(j * outW + x) * 3 + c];
                    }
                    out[(y * outW + x) * 3 + c] = s;
                }
            }
        }
        return out;
    }

    private static double[][] weights(int in, int out) {
        double scale = (double) in / out;
        double fs = Math.max(1, scale);
        double[][] w = new double[out][in];
        for (int o = 0; o < out; o++) {
            double center = (o + 0.5) * scale;
            double sum = 0;
            for (int i = 0; i < in; i++) {
                double d = Math.abs((i + 0.5 - center) / fs);
                double k = d < 1 ? 1.5 * d * d * d - 2.5 * d * d + 1 : d < 2 ? -0.5 * d * d * d + 2.5 * d * d - 4 * d + 2 : 0;
                w[o][i] = k;
                sum += k;
            }
            for (int i = 0; i < in; i++) {
                w[o][i] /= sum;
            }
        }
        return w;
    }

    @Test
    void matchesIndependentBicubicWithinRounding() {
        // Small images keep the O(n^4) reference fast; CLIP size 24 exercises the same code paths.
        ClipPreprocessor small = new ClipPreprocessor(24);
        for (int[] wh : new int[][] {{40, 30}, {30, 53}, {17, 13}}) {
            RgbImage img = pattern(wh[0], wh[1]);
            int[] rs = small.resizedSize(wh[0], wh[1]);
            double[] full = referenceResize(img, rs[0], rs[1]);
            int left = (int) Math.rint((rs[0] - 24) / 2.0);
            int top = (int) Math.rint((rs[1] - 24) / 2.0);
            float[] t = small.prepare(img);
            double maxLevels = 0;
            double sumLevels = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 24; x++) {
                        double v = Math.max(0, Math.min(255, full[((y + top) * rs[0] + x + left) * 3 + c]));
                        double expected = (v / 255 - ClipPreprocessor.MEAN[c]) / ClipPreprocessor.STD[c];
                        double levels = Math.abs(t[c * 576 + y * 24 + x] - expected) * ClipPreprocessor.STD[c] * 255;
                        maxLevels = Math.max(maxLevels, levels);
                        sumLevels += levels;
                    }
                }
            }
            // Pillow rounds to uint8 after each pass and uses 22-bit weights: at most ~0.5 level from the first
            // rounding (times the kernel's |weights| sum, <= 1.3 with the negative lobes) plus 0.5 from the second.
            assertTrue(maxLevels <= 1.2, wh[0] + "x" + wh[1] + ": max error " + maxLevels + " uint8 levels");
            assertTrue(sumLevels / (3 * 576) <= 0.5, "mean error " + sumLevels / (3 * 576));
        }
    }

    @Test
    void resizeAndCropRulesFollowTorchvision() {
        assertArrayEquals(new int[] {448, 336}, pre.resizedSize(720, 540));
        assertArrayEquals(new int[] {336, 4503}, pre.resizedSize(97, 1300)); // int(336*1300/97) = 4503 (truncated)
        assertArrayEquals(new int[] {336, 336}, pre.resizedSize(10, 10));
        // ToTensor/Normalize constants: a grey 128 pixel.
        float[] t = pre.prepare(new RgbImage(1, 1, new byte[] {(byte) 128, (byte) 128, (byte) 128}));
        assertEquals((128f / 255f - 0.48145466f) / 0.26862954f, t[0]);
        assertEquals((128f / 255f - 0.40821073f) / 0.27577711f, t[2 * 336 * 336 + 5]);
    }
}
