package org.tol.stages.pdq;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit PDQ hash. Stored as four longs holding the 32 canonical bytes big-endian, so that
 * {@link #toHex()} (word 15 first, as every reference prints it), {@link #toBytes()} (the 32 bytes TOL stores
 * in {@code hash_pdq}: {@code np.packbits} of the bit vector, MSB first) and the longs all read in the same
 * order. Bit k of the reference's word array ({@code w[k>>4] >> (k&15)}) is bit {@code k & 63} of
 * {@code longs[3 - (k >> 6)]}, so Hamming distance is four popcounts.
 */
public final class PdqHash {
    public static final int BITS = 256;
    public static final int BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final long[] longs;

    private PdqHash(long[] longs) {
        this.longs = longs;
    }

    /** From the four big-endian longs of the canonical byte form. */
    public static PdqHash ofLongs(long l0, long l1, long l2, long l3) {
        return new PdqHash(new long[] {l0, l1, l2, l3});
    }

    /** Parses the canonical 64-digit hex form (word 15 first). */
    public static PdqHash fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got: " + hex);
        }
        return fromBytes(HEX.parseHex(hex));
    }

    /** From the 32-byte stored form (the canonical hex bytes in order). */
    public static PdqHash fromBytes(byte[] b) {
        if (b == null || b.length != BYTES) {
            throw new IllegalArgumentException("a PDQ hash is 32 bytes, got " + (b == null ? "null" : b.length));
        }
        long[] l = new long[4];
        for (int i = 0; i < BYTES; i++) {
            l[i >> 3] = (l[i >> 3] << 8) | (b[i] & 0xFFL);
        }
        return new PdqHash(l);
    }

    /** Builds the hash from the reference's bit numbering: bit k set when {@code bits[k]}. */
    public static PdqHash fromBits(boolean[] bits) {
        if (bits.length != BITS) {
            throw new IllegalArgumentException("expected 256 bits, got " + bits.length);
        }
        long[] l = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                l[3 - (k >> 6)] |= 1L << (k & 63);
            }
        }
        return new PdqHash(l);
    }

    /** Bit k in the reference's numbering (k = 16*row + column of the 16x16 DCT). */
    public boolean bit(int k) {
        return ((longs[3 - (k >> 6)] >>> (k & 63)) & 1L) != 0;
    }

    /** Long i (0..3) of the big-endian canonical form. */
    public long longAt(int i) {
        return longs[i];
    }

    public byte[] toBytes() {
        byte[] b = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            b[i] = (byte) (longs[i >> 3] >>> (56 - 8 * (i & 7)));
        }
        return b;
    }

    public String toHex() {
        return HEX.formatHex(toBytes());
    }

    /** Number of differing bits. */
    public int distance(PdqHash other) {
        return distance(longs[0], longs[1], longs[2], longs[3], other.longs, 0);
    }

    /** Hamming distance between a hash given as four longs and hash {@code at} of a flat long[4n] array. */
    public static int distance(long a0, long a1, long a2, long a3, long[] flat, int at) {
        int o = at << 2;
        return Long.bitCount(a0 ^ flat[o]) + Long.bitCount(a1 ^ flat[o + 1])
                + Long.bitCount(a2 ^ flat[o + 2]) + Long.bitCount(a3 ^ flat[o + 3]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash h && Arrays.equals(longs, h.longs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(longs);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
