package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.image.RgbImage;

/** Pins each PDQ step against values worked out independently of the implementation. */
class PdqStepsTest {
    @Test
    void lumaIsWeightedRgbInFloat() {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 10, 20, 30};
        float[] out = new float[4];
        PdqHasher.fillLuma(rgb, out, 4);
        assertEquals(0.299f * 255, out[0]);
        assertEquals(0.587f * 255, out[1]);
        assertEquals(0.114f * 255, out[2]);
        assertEquals(0.299f * 10 + 0.587f * 20 + 0.114f * 30, out[3]);
    }

    @Test
    void decimationSamplesBlockCentres() {
        // floor((i + 0.5) * dim / 64) = floor((2i + 1) * dim / 128) in exact integer arithmetic
        for (int dim : new int[] {5, 63, 64, 65, 100, 540, 720, 1004, 1600}) {
            for (int i = 0; i < 64; i++) {
                assertEquals((2 * i + 1) * dim / 128, PdqHasher.decimationIndex(i, dim), "dim " + dim + " i " + i);
            }
        }
        assertEquals(5, PdqHasher.decimationIndex(0, 720));
        assertEquals(714, PdqHasher.decimationIndex(63, 720));
    }

    @Test
    void dctMatrixRowsAreOrthonormalCosines() {
        float[] d = PdqDct.matrixCopy();
        assertEquals(Math.sqrt(2.0 / 64) * Math.cos(Math.PI / 128), d[0], 1e-7);
        assertEquals(Math.sqrt(2.0 / 64) * Math.cos(Math.PI / 128 * 16 * 127), d[15 * 64 + 63], 1e-7);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                double s = 0;
                for (int k = 0; k < 64; k++) {
                    s += (double) d[i * 64 + k] * d[j * 64 + k];
                }
                assertEquals(i == j ? 1.0 : 0.0, s, 1e-5);
            }
        }
    }

    @Test
    void dctEqualsNaiveDoubleTransform() {
        Random rnd = new Random(3);
        float[] a = new float[64 * 64];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() * 255;
        }
        float[] out = new float[256];
        PdqDct.create().apply(a, out);
        for (int u = 0; u < 16; u++) {
            for (int v = 0; v < 16; v++) {
                double s = 0;
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        s += Math.cos(Math.PI * (u + 1) * (2 * y + 1) / 128)
                                * Math.cos(Math.PI * (v + 1) * (2 * x + 1) / 128) * a[y * 64 + x];
                    }
                }
                assertEquals(s * 2.0 / 64, out[u * 16 + v], 2e-2, "u " + u + " v " + v);
            }
        }
    }

    @Test
    void torbenReturnsTheLowerMedian() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(300);
            float[] m = new float[n];
            for (int i = 0; i < n; i++) {
                m[i] = trial % 3 == 0 ? rnd.nextInt(5) : (float) rnd.nextGaussian() * 100;
            }
            float[] sorted = m.clone();
            Arrays.sort(sorted);
            assertEquals(sorted[(n + 1) / 2 - 1], TorbenMedian.median(m, n), "n=" + n);
        }
    }

    @Test
    void qualityCountsTruncatedPercentGradients() {
        float[] a = new float[64 * 64];
        assertEquals(0, PdqHasher.quality(a));
        for (int i = 0; i < 64; i++) {
            for (int j = 32; j < 64; j++) {
                a[i * 64 + j] = 255f;
            }
        }
        // one vertical edge of height 64, each |100| -> 6400 / 90 = 71
        assertEquals(71, PdqHasher.quality(a));
        for (int i = 0; i < 64; i++) {
            for (int j = 32; j < 64; j++) {
                a[i * 64 + j] = 127.5f;
            }
        }
        assertEquals(64 * 50 / 90, PdqHasher.quality(a));
        for (int i = 0; i < a.length; i++) {
            a[i] = ((i / 64 + i % 64) & 1) * 255f;
        }
        assertEquals(100, PdqHasher.quality(a));
    }

    @Test
    void bitKIsWordKOver16BitKMod16AndHexPrintsWord15First() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            boolean[] bits = new boolean[256];
            int[] words = new int[16];
            for (int k = 0; k < 256; k++) {
                bits[k] = rnd.nextBoolean();
                if (bits[k]) {
                    words[k >> 4] |= 1 << (k & 15);
                }
            }
            StringBuilder hex = new StringBuilder();
            for (int w = 15; w >= 0; w--) {
                hex.append(String.format("%04x", words[w]));
            }
            PdqHash h = PdqHash.fromBits(bits);
            assertEquals(hex.toString(), h.toHex());
            // np.packbits of the reversed bit vector (bit 255 first), MSB first
            byte[] packed = new byte[32];
            for (int i = 0; i < 256; i++) {
                if (bits[255 - i]) {
                    packed[i >> 3] |= (byte) (0x80 >> (i & 7));
                }
            }
            assertEquals(Arrays.toString(packed), Arrays.toString(h.toBytes()));
            assertEquals(h, PdqHash.fromBytes(packed));
            assertEquals(h, PdqHash.fromHex(hex.toString()));
            for (int k = 0; k < 256; k++) {
                assertEquals(bits[k], h.bit(k));
            }
        }
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        PdqHash a = PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        PdqHash b = PdqHash.fromHex("30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af");
        int expect = new BigInteger(a.toHex(), 16).xor(new BigInteger(b.toHex(), 16)).bitCount();
        assertEquals(expect, a.distance(b));
        assertEquals(0, a.distance(a));
    }

    @Test
    void hashSetsExactlyTheBitsAboveTheMedian() {
        Random rnd = new Random(6);
        byte[] px = new byte[200 * 150 * 3];
        rnd.nextBytes(px);
        PdqResult r = new PdqHasher().hash(new RgbImage(200, 150, px));
        int ones = 0;
        for (int k = 0; k < 256; k++) {
            ones += r.hash().bit(k) ? 1 : 0;
        }
        // strictly above the lower median of 256 distinct floats: exactly 128 bits
        assertEquals(128, ones);
        assertTrue(r.quality() >= 0 && r.quality() <= 100);
    }

    @Test
    void tinyImagesGetZeroHashAndZeroQuality() {
        PdqResult r = new PdqHasher().hash(new RgbImage(4, 100, new byte[4 * 100 * 3]));
        assertEquals("0".repeat(64), r.hash().toHex());
        assertEquals(0, r.quality());
    }
}
