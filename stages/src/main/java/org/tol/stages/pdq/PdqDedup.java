package org.tol.stages.pdq;

import java.util.List;

/**
 * Near-duplicate clusters within one set of hashes: every pair within the distance is joined
 * (union-find, so clusters are transitive), and each cluster keeps one representative: the highest
 * quality, then the smallest uuid, so the choice is deterministic. Hashes below the quality threshold are
 * flagged; with {@code excludeLowQuality} they are also excluded (and never chosen as representative while
 * a cluster has a member of good quality).
 */
public final class PdqDedup {
    private PdqDedup() {}

    /** Per hash: its cluster's representative index, cluster size, and the low-quality flag. */
    public record Result(int[] representative, int[] clusterSize, boolean[] lowQuality, long pairs, int clusters) {
        public boolean isRepresentative(int i) {
            return representative[i] == i;
        }
    }

    public static Result run(PdqHashTable t, int maxDistance, int minQuality, int threads) throws InterruptedException {
        int n = t.size();
        MultiIndexHash index = MultiIndexHash.build(t.hashes(), n, maxDistance);
        List<PdqMatcher.Pair> pairs = PdqMatcher.scan(t, index, threads, PdqMatcher.Pair::new);
        UnionFind uf = new UnionFind(n);
        long distinct = 0;
        for (PdqMatcher.Pair p : pairs) {
            if (p.query() < p.corpus()) {
                uf.union(p.query(), p.corpus());
                distinct++;
            }
        }
        boolean[] low = new boolean[n];
        for (int i = 0; i < n; i++) {
            int q = t.quality(i);
            low[i] = q != PdqHashTable.UNKNOWN_QUALITY && q < minQuality;
        }
        int[] best = new int[n];
        java.util.Arrays.fill(best, -1);
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            int root = uf.find(i);
            size[root]++;
            if (best[root] < 0 || better(t, low, i, best[root])) {
                best[root] = i;
            }
        }
        int[] rep = new int[n];
        int[] clusterSize = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            int root = uf.find(i);
            rep[i] = best[root];
            clusterSize[i] = size[root];
            if (root == i) {
                clusters++;
            }
        }
        return new Result(rep, clusterSize, low, distinct, clusters);
    }

    private static boolean better(PdqHashTable t, boolean[] low, int a, int b) {
        if (low[a] != low[b]) {
            return !low[a];
        }
        if (t.quality(a) != t.quality(b)) {
            return t.quality(a) > t.quality(b);
        }
        return t.uuid(a).compareTo(t.uuid(b)) < 0;
    }
}
