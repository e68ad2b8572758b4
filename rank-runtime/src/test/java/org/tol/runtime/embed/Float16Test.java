package org.tol.runtime.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** float to binary16 bit patterns as numpy gives them ({@code np.float16(x).view(np.uint16)}). */
class Float16Test {
    private static void bits(int expected, float f) {
        assertEquals(expected, Float16.fromFloat(f) & 0xffff, () -> "float16 of " + f);
    }

    @Test
    void normalValuesRoundToNearestEven() {
        bits(0x3c00, 1f);
        bits(0xc000, -2f);
        bits(0x2e66, 0.1f);
        bits(0x3555, 1f / 3);
        bits(0x3e00, 1.5f);
        bits(0x7bff, 65504f);
        bits(0x0000, 0f);
        bits(0x8000, -0f);
        // 1 + 2^-11 lies halfway between 1 and the next half (1 + 2^-10): ties go to the even 1
        bits(0x3c00, 1f + 0x1p-11f);
        // 1 + 3 * 2^-11 lies halfway between 1 + 2^-10 (odd) and 1 + 2^-9: up to the even one
        bits(0x3c02, 1f + 3 * 0x1p-11f);
    }

    @Test
    void overflowSubnormalsAndSpecials() {
        bits(0x7c00, 65520f); // rounds past the largest half
        bits(0x7c00, Float.POSITIVE_INFINITY);
        bits(0xfc00, Float.NEGATIVE_INFINITY);
        bits(0x7e00, Float.NaN);
        bits(0x0001, 0x1p-24f); // the smallest subnormal
        bits(0x0000, 0x1p-25f); // halfway to it: ties to even 0
        bits(0x0001, 0x1.8p-25f);
        bits(0x0200, 0x1p-15f);
        bits(0x03ff, 0x1.ff8p-15f);
        bits(0x0400, 0x1p-14f); // the smallest normal
    }
}
