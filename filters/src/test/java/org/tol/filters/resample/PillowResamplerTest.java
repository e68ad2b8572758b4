package org.tol.filters.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shared resampler: kernel values, and a crop window equal to resizing fully then cropping. */
class PillowResamplerTest {
    @Test
    void kernelsHaveTheirTextbookValues() {
        assertEquals(1.0, ResampleKernel.BICUBIC.weight(0.0));
        assertEquals(0.0, ResampleKernel.BICUBIC.weight(1.0), 0.0); // -0.0 from the outer branch
        // a = -0.5 at 1.5: ((1.5 - 5) * 1.5 + 8) * 1.5 - 4 = 0.125, times a
        assertEquals(-0.0625, ResampleKernel.BICUBIC.weight(-1.5));
        assertEquals(0.0, ResampleKernel.BICUBIC.weight(2.5));
        assertEquals(0.75, ResampleKernel.BILINEAR.weight(-0.25));
        assertEquals(0.0, ResampleKernel.BILINEAR.weight(1.0));
    }

    @Test
    void cropWindowEqualsFullResizeThenCrop() {
        Random rnd = new Random(3);
        int[][] sizes = {{37, 23, 20, 31}, {37, 23, 37, 11}, {37, 23, 15, 23}, {10, 40, 25, 8}};
        for (ResampleKernel kernel : ResampleKernel.values()) {
            PillowResampler r = new PillowResampler(kernel);
            for (int[] s : sizes) {
                byte[] px = new byte[s[0] * s[1] * 3];
                rnd.nextBytes(px);
                byte[] full = r.resize(px, s[0], s[1], s[2], s[3]);
                int left = s[2] / 4;
                int top = s[3] / 3;
                int cw = s[2] / 2;
                int chh = s[3] / 2;
                byte[] crop = new byte[cw * chh * 3];
                r.resizeCrop(px, s[0], s[1], s[2], s[3], left, top, cw, chh, (row, v) -> {
                    for (int i = 0; i < cw * 3; i++) {
                        crop[row * cw * 3 + i] = (byte) v[i];
                    }
                });
                byte[] expected = new byte[crop.length];
                for (int y = 0; y < chh; y++) {
                    System.arraycopy(full, ((top + y) * s[2] + left) * 3, expected, y * cw * 3, cw * 3);
                }
                assertArrayEquals(expected, crop, kernel + " " + java.util.Arrays.toString(s));
            }
        }
    }

    /**
     * Downscaling by over 2x takes the wide (column-major, more than 8 taps) horizontal pass: 720x540 to
     * 224x224 (15 taps across, 11 down) and to 100x300 (31 taps across). Digests from Pillow 9.4.0:
     * {@code Image.frombytes('RGB', (720, 540), px).resize(size, resample=Image.BICUBIC).tobytes()} with
     * {@code px[i] = (i*7919 + (i>>5)*31 + (i//2160)**2) & 0xff}.
     */
    @Test
    void wideDownscaleIsBitExactWithPillow() throws Exception {
        byte[] px = new byte[720 * 540 * 3];
        for (int i = 0; i < px.length; i++) {
            long row = i / 2160;
            px[i] = (byte) ((i * 7919L + (i >> 5) * 31L + row * row) & 0xff);
        }
        PillowResampler r = new PillowResampler(ResampleKernel.BICUBIC);
        assertEquals("3fd5fa4778f5c41eed46456bb6036b341350342ed4af9f42efba697ef4761309",
                sha256(r.resize(px, 720, 540, 224, 224)));
        assertEquals("fb24c0d44f6521ee8a73a439c3764e66749ccc048b953b5410f2de77d291b5e7",
                sha256(r.resize(px, 720, 540, 100, 300)));
    }

    private static String sha256(byte[] b) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void sameSizeReturnsTheInput() {
        byte[] px = new byte[4 * 3 * 3];
        assertSame(px, new PillowResampler(ResampleKernel.BICUBIC).resize(px, 4, 3, 4, 3));
    }
}
