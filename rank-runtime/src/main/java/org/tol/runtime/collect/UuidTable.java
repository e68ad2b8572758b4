package org.tol.runtime.collect;

import java.util.Arrays;

/**
 * The first digest of each uuid of one spill partition: an open-addressing hash table over one byte arena.
 * It replaces a {@code HashMap<String, Long>}, which cost a String, a boxed Long and a map node per uuid
 * (~120 bytes and a third of the duplicate search's CPU); here a uuid costs its bytes plus ~24.
 */
final class UuidTable {
    private byte[] arena;
    private int arenaUsed;
    private int[] offset;
    private int[] length;
    private long[] digests;
    private int size;
    /** Entry index + 1 per slot, 0 = empty; a power of two, at most half full. */
    private int[] slots;

    /** Sized for about {@code entries} uuids of {@code bytesEach} bytes (it grows past that: a guess is enough). */
    UuidTable(int entries, int bytesEach) {
        int n = Math.max(16, entries);
        arena = new byte[Math.max(1 << 10, (int) Math.min(Integer.MAX_VALUE - 8, (long) n * bytesEach))];
        offset = new int[n];
        length = new int[n];
        digests = new long[n];
        slots = new int[Integer.highestOneBit(n) << 2];
    }

    int size() {
        return size;
    }

    long digest(int entry) {
        return digests[entry];
    }

    /** The entry of {@code key[0, len)} if present, else adds it with {@code digest} and returns -1. */
    int putIfAbsent(byte[] key, int len, long digest) {
        int mask = slots.length - 1;
        for (int s = hash(key, len) & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) {
                slots[s] = add(key, len, digest) + 1;
                if (2 * size > slots.length) {
                    rehash();
                }
                return -1;
            }
            if (length[e] == len && Arrays.equals(arena, offset[e], offset[e] + len, key, 0, len)) {
                return e;
            }
        }
    }

    private int add(byte[] key, int len, long digest) {
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaUsed + len, 2 * arena.length));
        }
        System.arraycopy(key, 0, arena, arenaUsed, len);
        if (size == offset.length) {
            offset = Arrays.copyOf(offset, 2 * size);
            length = Arrays.copyOf(length, 2 * size);
            digests = Arrays.copyOf(digests, 2 * size);
        }
        offset[size] = arenaUsed;
        length[size] = len;
        digests[size] = digest;
        arenaUsed += len;
        return size++;
    }

    private void rehash() {
        int[] next = new int[2 * slots.length];
        int mask = next.length - 1;
        for (int e = 0; e < size; e++) {
            int s = hash(arena, offset[e], length[e]) & mask;
            while (next[s] != 0) {
                s = (s + 1) & mask;
            }
            next[s] = e + 1;
        }
        slots = next;
    }

    private static int hash(byte[] b, int len) {
        return hash(b, 0, len);
    }

    /** FNV-1a, then a finaliser so the low bits (the slot) depend on every byte. */
    private static int hash(byte[] b, int from, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + len; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }
}
