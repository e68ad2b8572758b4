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
    void floatLumaIsTheCppCoresFloat32Arithmetic() {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 10, 20, 30};
        float[] out = new float[4];
        LumaPrecision.FLOAT.fill(rgb, out, 4);
        assertEquals(0.299f * 255, out[0]);
        assertEquals(0.587f * 255, out[1]);
        assertEquals(0.114f * 255, out[2]);
        assertEquals(0.299f * 10 + 0.587f * 20 + 0.114f * 30, out[3]);
    }

    /**
     * Exact luma bits from numpy (the pdqhash binding's {@code (R*0.299 + G*0.587 + B*0.114).astype('float32')})
     * and from numpy float32 arithmetic (the C++ core): the two differ by 1 ulp on these triples.
     */
    @Test
    void thePrecisionsDifferOnSomeTriplesAndDoubleIsTheBindings() {
        int[][] cases = {
            // r, g, b, binding (float64 then float32), C++ core (float32)
            {0, 0, 253, 0x41e6bc6a, 0x41e6bc6b},
            {0, 1, 1, 0x3f3374bc, 0x3f3374bd},
            {0, 1, 5, 0x3f941893, 0x3f941894},
            {48, 73, 205, 0x42a12560, 0x42a12561},
        };
        for (int[] c : cases) {
            byte[] px = {(byte) c[0], (byte) c[1], (byte) c[2]};
            float[] d = new float[1];
            float[] f = new float[1];
            LumaPrecision.DOUBLE.fill(px, d, 1);
            LumaPrecision.FLOAT.fill(px, f, 1);
            String at = c[0] + "," + c[1] + "," + c[2];
            assertEquals(c[3], Float.floatToIntBits(d[0]), at);
            assertEquals(c[4], Float.floatToIntBits(f[0]), at);
            assertEquals(d[0], LumaPrecision.DOUBLE.luma(c[0], c[1], c[2]), at);
            assertEquals(f[0], LumaPrecision.FLOAT.luma(c[0], c[1], c[2]), at);
        }
        // 10,20,30 happens to agree: 18.15f both ways
        assertEquals(LumaPrecision.DOUBLE.luma(10, 20, 30), LumaPrecision.FLOAT.luma(10, 20, 30));
        assertEquals(LumaPrecision.DOUBLE, new PdqHasher().lumaPrecision(), "the binding's precision is the default");
    }

    /**
     * Every one of the 2^24 triples against numpy: SHA-256 of all luma values as little-endian float32 in
     * r-major order, for each precision, and the count of triples where they differ (31.1%, at most 2 ulp).
     */
    @Test
    void allTriplesMatchNumpyForBothPrecisions() throws Exception {
        java.security.MessageDigest dSha = java.security.MessageDigest.getInstance("SHA-256");
        java.security.MessageDigest fSha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] rgb = new byte[256 * 3];
        float[] d = new float[256];
        float[] f = new float[256];
        java.nio.ByteBuffer dBuf = java.nio.ByteBuffer.allocate(256 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        java.nio.ByteBuffer fBuf = java.nio.ByteBuffer.allocate(256 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long differ = 0;
        for (int r = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++) {
                    rgb[3 * b] = (byte) r;
                    rgb[3 * b + 1] = (byte) g;
                    rgb[3 * b + 2] = (byte) b;
                }
                LumaPrecision.DOUBLE.fill(rgb, d, 256);
                LumaPrecision.FLOAT.fill(rgb, f, 256);
                dBuf.clear();
                fBuf.clear();
                for (int b = 0; b < 256; b++) {
                    dBuf.putFloat(d[b]);
                    fBuf.putFloat(f[b]);
                    differ += d[b] != f[b] ? 1 : 0;
                }
                dSha.update(dBuf.array());
                fSha.update(fBuf.array());
            }
        }
        assertEquals(5225506, differ);
        assertEquals("c994b43dfc7fe41ba3a809c5f22a7d2ca2c0c7023894a2972f93ef81ee97d8a5", hex(dSha.digest()));
        assertEquals("4ce635be785ef9cff655302b4cbb23dbf55a75911fc1c366480e7ac32e327460", hex(fSha.digest()));
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x));
        }
        return s.toString();
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
