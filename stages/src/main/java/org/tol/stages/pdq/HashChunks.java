package org.tol.stages.pdq;

/**
 * Splits the 256 bits of a hash into {@code m} contiguous chunks of at most 31 bits, read from the
 * big-endian four-long form (bit 0 = most significant bit of long 0). Chunk keys are non-negative ints.
 */
final class HashChunks {
    final int count;
    final int[] start;
    final int[] length;

    HashChunks(int count) {
        if (count < 9 || count > 256) {
            throw new IllegalArgumentException("chunk count must be 9..256 (chunks of at most 29 bits), got " + count);
        }
        this.count = count;
        this.start = new int[count];
        this.length = new int[count];
        int base = PdqHash.BITS / count;
        int extra = PdqHash.BITS % count;
        int s = 0;
        for (int c = 0; c < count; c++) {
            length[c] = base + (c < extra ? 1 : 0);
            start[c] = s;
            s += length[c];
        }
    }

    /** Key of chunk c of hash {@code at} in the flat long[4n] array. */
    int key(long[] flat, int at, int c) {
        int o = at << 2;
        return extract(flat[o], flat[o + 1], flat[o + 2], flat[o + 3], c);
    }

    int key(long l0, long l1, long l2, long l3, int c) {
        return extract(l0, l1, l2, l3, c);
    }

    private int extract(long l0, long l1, long l2, long l3, int c) {
        int s = start[c];
        int len = length[c];
        int first = s >>> 6;
        int off = s & 63;
        long hi = pick(l0, l1, l2, l3, first);
        long value;
        if (off + len <= 64) {
            value = hi >>> (64 - off - len);
        } else {
            int fromNext = off + len - 64;
            long lo = pick(l0, l1, l2, l3, first + 1);
            value = (hi << fromNext) | (lo >>> (64 - fromNext));
        }
        return (int) (value & ((1L << len) - 1));
    }

    private static long pick(long l0, long l1, long l2, long l3, int i) {
        return switch (i) {
            case 0 -> l0;
            case 1 -> l1;
            case 2 -> l2;
            default -> l3;
        };
    }
}
