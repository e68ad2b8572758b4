package org.tol.stages.pdq;

import java.util.Arrays;

/**
 * Exact Hamming-radius search over a set of PDQ hashes by multi-index hashing (Norouzi et al.): the 256
 * bits are cut into m chunks and each chunk gets a sorted table. If two hashes differ in at most T bits,
 * the pigeonhole principle puts at least one chunk within floor(T/m) bits, so probing every chunk key within
 * that radius finds every true match; each candidate is then verified on all 256 bits, so results are exact
 * (no false positives, no misses). A match is reported only from the first chunk that could find it, so
 * each corpus hash is reported once per query. Immutable after build; search is thread-safe.
 *
 * <p>Memory: 8 bytes per hash per chunk plus a 64k-entry prefix table per chunk; the hashes themselves
 * are shared with the caller.
 */
public final class MultiIndexHash {
    /** Receives each match: corpus index and exact distance. */
    @FunctionalInterface
    public interface MatchSink {
        void accept(int index, int distance);
    }

    private static final int PREFIX_BITS = 16;

    private final long[] hashes;
    private final int size;
    private final int maxDistance;
    private final int radius;
    private final HashChunks chunks;
    private final int[][] keys;
    private final int[][] ids;
    private final int[][] prefix;

    private MultiIndexHash(long[] hashes, int size, int maxDistance, int chunkCount) {
        this.hashes = hashes;
        this.size = size;
        this.maxDistance = maxDistance;
        this.chunks = new HashChunks(chunkCount);
        this.radius = maxDistance / chunkCount;
        this.keys = new int[chunkCount][];
        this.ids = new int[chunkCount][];
        this.prefix = new int[chunkCount][];
        for (int c = 0; c < chunkCount; c++) {
            buildChunk(c);
        }
    }

    /** Index over hashes 0..size-1 of {@code hashes} (four longs each) for searches up to maxDistance. */
    public static MultiIndexHash build(long[] hashes, int size, int maxDistance) {
        return new MultiIndexHash(hashes, size, maxDistance, chooseChunks(size, maxDistance));
    }

    /** As {@link #build(long[], int, int)} with an explicit chunk count (9..256). */
    public static MultiIndexHash build(long[] hashes, int size, int maxDistance, int chunkCount) {
        if (maxDistance < 0 || maxDistance > PdqHash.BITS) {
            throw new IllegalArgumentException("max distance must be 0..256, got " + maxDistance);
        }
        return new MultiIndexHash(hashes, size, maxDistance, chunkCount);
    }

    /**
     * Picks the chunk count with the lowest estimated cost per query: probes (one table lookup per chunk key
     * within the radius) plus candidates (corpus size / 2^chunk bits per probe, each a random read of a hash
     * to verify). The weights (1 and 2) are fitted to measurements on 2*10^6 and 10^7 random hashes at T=10
     * and T=31, where they pick the fastest of m = 9..32.
     */
    static int chooseChunks(int size, int maxDistance) {
        int best = 9;
        double bestCost = Double.MAX_VALUE;
        for (int m = 9; m <= Math.min(256, Math.max(9, maxDistance + 1)); m++) {
            int r = maxDistance / m;
            int len = PdqHash.BITS / m;
            double probes = m * ballSize(len, r);
            double candidates = probes * size / Math.pow(2, len);
            double cost = probes + 2 * candidates;
            if (cost < bestCost) {
                bestCost = cost;
                best = m;
            }
        }
        return best;
    }

    private static double ballSize(int bits, int r) {
        double total = 0;
        double term = 1;
        for (int i = 0; i <= r; i++) {
            total += term;
            term = term * (bits - i) / (i + 1);
        }
        return total;
    }

    private void buildChunk(int c) {
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = ((long) chunks.key(hashes, i, c) << 32) | i;
        }
        Arrays.sort(packed);
        int[] k = new int[size];
        int[] id = new int[size];
        for (int i = 0; i < size; i++) {
            k[i] = (int) (packed[i] >>> 32);
            id[i] = (int) packed[i];
        }
        int shift = prefixShift(c);
        int[] p = new int[(1 << Math.min(PREFIX_BITS, chunks.length[c])) + 1];
        int at = 0;
        for (int b = 0; b < p.length - 1; b++) {
            p[b] = at;
            while (at < size && (k[at] >>> shift) == b) {
                at++;
            }
        }
        p[p.length - 1] = size;
        keys[c] = k;
        ids[c] = id;
        prefix[c] = p;
    }

    private int prefixShift(int c) {
        return Math.max(0, chunks.length[c] - PREFIX_BITS);
    }

    public int size() {
        return size;
    }

    public int chunkCount() {
        return chunks.count;
    }

    /** Bits each chunk key may differ by while probing: floor(maxDistance / chunks). */
    public int radius() {
        return radius;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** Reports every indexed hash within maxDistance of the query (given as its four longs). */
    public void search(long q0, long q1, long q2, long q3, MatchSink sink) {
        int[] queryKeys = new int[chunks.count];
        for (int c = 0; c < chunks.count; c++) {
            queryKeys[c] = chunks.key(q0, q1, q2, q3, c);
        }
        long[] q = {q0, q1, q2, q3};
        for (int c = 0; c < chunks.count; c++) {
            probeBall(c, queryKeys, q, queryKeys[c], 0, radius, sink);
        }
    }

    /** Probes every key within {@code left} more flips of {@code key}, flipping only bits >= {@code from}. */
    private void probeBall(int c, int[] queryKeys, long[] q, int key, int from, int left, MatchSink sink) {
        probe(c, queryKeys, q, key, sink);
        if (left == 0) {
            return;
        }
        for (int b = from; b < chunks.length[c]; b++) {
            probeBall(c, queryKeys, q, key ^ (1 << b), b + 1, left - 1, sink);
        }
    }

    private void probe(int c, int[] queryKeys, long[] q, int key, MatchSink sink) {
        int[] k = keys[c];
        int[] p = prefix[c];
        int bucket = key >>> prefixShift(c);
        int lo = lowerBound(k, p[bucket], p[bucket + 1], key);
        int[] id = ids[c];
        for (int i = lo; i < k.length && k[i] == key; i++) {
            int j = id[i];
            int d = PdqHash.distance(q[0], q[1], q[2], q[3], hashes, j);
            if (d <= maxDistance && firstFindingChunk(queryKeys, j) == c) {
                sink.accept(j, d);
            }
        }
    }

    /** The lowest chunk whose key is within the radius: the one chunk allowed to report this pair. */
    private int firstFindingChunk(int[] queryKeys, int j) {
        for (int c = 0; c < chunks.count; c++) {
            if (Integer.bitCount(queryKeys[c] ^ chunks.key(hashes, j, c)) <= radius) {
                return c;
            }
        }
        return -1;
    }

    private static int lowerBound(int[] k, int lo, int hi, int key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (k[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
