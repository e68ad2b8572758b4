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

    @Test
    void sameSizeReturnsTheInput() {
        byte[] px = new byte[4 * 3 * 3];
        assertSame(px, new PillowResampler(ResampleKernel.BICUBIC).resize(px, 4, 3, 4, 3));
    }
}
