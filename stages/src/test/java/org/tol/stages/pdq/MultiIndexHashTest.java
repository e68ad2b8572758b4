package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The index must return exactly the pairs a brute-force scan returns. */
class MultiIndexHashTest {
    private static TreeSet<String> bruteForce(long[] queries, int nq, long[] corpus, int nc, int t) {
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < nq; i++) {
            int o = i * 4;
            for (int j = 0; j < nc; j++) {
                int d = PdqHash.distance(queries[o], queries[o + 1], queries[o + 2], queries[o + 3], corpus, j);
                if (d <= t) {
                    out.add(i + "," + j + "," + d);
                }
            }
        }
        return out;
    }

    private static TreeSet<String> indexed(long[] queries, int nq, MultiIndexHash index) {
        TreeSet<String> out = new TreeSet<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < nq; i++) {
            int o = i * 4;
            int qi = i;
            index.search(queries[o], queries[o + 1], queries[o + 2], queries[o + 3],
                    (j, d) -> all.add(qi + "," + j + "," + d));
        }
        out.addAll(all);
        assertEquals(all.size(), out.size(), "a pair was reported twice");
        return out;
    }

    private static long[] random(Random rnd, int n) {
        long[] h = new long[n * 4];
        for (int i = 0; i < h.length; i++) {
            h[i] = rnd.nextLong();
        }
        return h;
    }

    /** Copies hash {@code from} of src to slot {@code to} of dst with the given bits (0..255, MSB-first) flipped. */
    private static void flipped(long[] src, int from, long[] dst, int to, int... bits) {
        System.arraycopy(src, from * 4, dst, to * 4, 4);
        for (int b : bits) {
            dst[to * 4 + (b >>> 6)] ^= 1L << (63 - (b & 63));
        }
    }

    @Test
    void randomNearNeighboursMatchBruteForceForManyThresholdsAndChunkings() {
        Random rnd = new Random(7);
        int nc = 3000;
        long[] corpus = random(rnd, nc);
        int nq = 400;
        long[] queries = new long[nq * 4];
        for (int i = 0; i < nq; i++) {
            int flips = rnd.nextInt(40);
            int[] bits = new int[flips];
            for (int k = 0; k < flips; k++) {
                bits[k] = rnd.nextInt(256);
            }
            flipped(corpus, rnd.nextInt(nc), queries, i, bits);
        }
        for (int t : new int[] {0, 1, 5, 10, 17, 31, 40}) {
            TreeSet<String> expect = bruteForce(queries, nq, corpus, nc, t);
            assertTrue(t < 5 || !expect.isEmpty());
            assertEquals(expect, indexed(queries, nq, MultiIndexHash.build(corpus, nc, t)), "T=" + t);
            assertEquals(expect, indexed(queries, nq, MultiIndexHash.build(corpus, nc, t, 9)), "T=" + t + " m=9");
            assertEquals(expect, indexed(queries, nq, MultiIndexHash.build(corpus, nc, t, 16)), "T=" + t + " m=16");
        }
    }

    @Test
    void adversarialDistancesExactlyAtAndJustAboveTheThreshold() {
        Random rnd = new Random(8);
        int t = 10;
        long[] base = random(rnd, 1);
        int n = 0;
        long[] corpus = new long[2000 * 4];
        // T and T+1 flips concentrated in one chunk, spread one per chunk, at chunk boundaries
        HashChunks chunks = new HashChunks(MultiIndexHash.chooseChunks(2000, t));
        for (int c = 0; c < chunks.count; c++) {
            for (int flips : new int[] {t, t + 1}) {
                int[] inChunk = new int[Math.min(flips, chunks.length[c])];
                for (int k = 0; k < inChunk.length; k++) {
                    inChunk[k] = chunks.start[c] + k;
                }
                int[] rest = new int[flips - inChunk.length];
                for (int k = 0; k < rest.length; k++) {
                    rest[k] = (chunks.start[c] + chunks.length[c] + k) % 256;
                }
                flipped(base, 0, corpus, n++, concat(inChunk, rest));
            }
        }
        for (int flips : new int[] {t - 1, t, t + 1, t + 2}) {
            int[] spread = new int[flips];
            for (int k = 0; k < flips; k++) {
                spread[k] = chunks.start[k % chunks.count] + chunks.length[k % chunks.count] - 1 - k / chunks.count;
            }
            flipped(base, 0, corpus, n++, spread);
        }
        // exact duplicates, many of them, and the all-zero / all-one hashes
        for (int k = 0; k < 50; k++) {
            flipped(base, 0, corpus, n++);
        }
        n++;
        corpus[n * 4] = -1L;
        corpus[n * 4 + 1] = -1L;
        corpus[n * 4 + 2] = -1L;
        corpus[n * 4 + 3] = -1L;
        n++;
        long[] queries = new long[] {base[0], base[1], base[2], base[3], 0, 0, 0, 0, -1L, -1L, -1L, -1L};
        MultiIndexHash index = MultiIndexHash.build(corpus, n, t);
        TreeSet<String> expect = bruteForce(queries, 3, corpus, n, t);
        assertEquals(expect, indexed(queries, 3, index));
        long atThreshold = expect.stream().filter(s -> s.endsWith("," + t)).count();
        assertTrue(atThreshold >= chunks.count + 1, "pairs at exactly T must be present");
        assertTrue(expect.stream().noneMatch(s -> s.endsWith("," + (t + 1))));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void chunksCoverAll256BitsWithoutOverlap() {
        for (int m = 9; m <= 40; m++) {
            HashChunks c = new HashChunks(m);
            int next = 0;
            for (int i = 0; i < m; i++) {
                assertEquals(next, c.start[i]);
                assertTrue(c.length[i] <= 29);
                next += c.length[i];
            }
            assertEquals(256, next);
        }
    }
}
