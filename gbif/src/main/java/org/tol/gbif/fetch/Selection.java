package org.tol.gbif.fetch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.gbif.GbifImage;
import org.tol.gbif.Keys;

/**
 * Which images a fetch job handles, in this order: rows without a datasetKey are dropped (they have no image
 * path the later steps accept: verify drops them too); {@code --subset-list} keeps rows whose key is listed
 * (a missing key is never listed); {@code --num-images-per-category N} keeps, per key, the N images of smallest
 * {@link Keys#rank} (all of a category with fewer than N), and drops rows with a missing key, as the reference's
 * groupby did; finally {@code --shard i/n} keeps every n-th row from i. The result keeps DwC-A order, and is the
 * same for the same archive, options and seed on any machine.
 */
public final class Selection {
    private static final Logger LOG = LoggerFactory.getLogger(Selection.class);

    /** {@code index}/{@code count}: this job's share. */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(0, 1);

        public static Shard parse(String s) {
            String[] p = s.split("/");
            if (p.length != 2) {
                throw new IllegalArgumentException("--shard must look like i/n (e.g. 0/4), got '" + s + "'");
            }
            Shard sh = new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            if (sh.count < 1 || sh.index < 0 || sh.index >= sh.count) {
                throw new IllegalArgumentException("--shard i/n needs 0 <= i < n, got '" + s + "'");
            }
            return sh;
        }

        /** "" for the whole job, else "_shard{i}of{n}" (used in file names). */
        public String suffix() {
            return count == 1 ? "" : "_shard" + index + "of" + count;
        }
    }

    private Selection() {}

    public static List<GbifImage> select(List<GbifImage> all, String subsetKey, Set<String> subset, int perCategory,
            long seed, Shard shard) {
        List<GbifImage> rows = new ArrayList<>();
        int noDataset = 0;
        for (GbifImage g : all) {
            if (g.datasetKey() == null) {
                noDataset++;
            } else if (subset == null || subset.contains(Keys.norm(g.get(subsetKey)))) {
                rows.add(g);
            }
        }
        if (noDataset > 0) {
            LOG.info("{} image(s) without a datasetKey skipped (no image path)", noDataset);
        }
        if (perCategory > 0) {
            rows = cap(rows, subsetKey, perCategory, seed);
        }
        if (shard.count() == 1) {
            return rows;
        }
        List<GbifImage> mine = new ArrayList<>();
        for (int i = shard.index(); i < rows.size(); i += shard.count()) {
            mine.add(rows.get(i));
        }
        return mine;
    }

    static List<GbifImage> cap(List<GbifImage> rows, String key, int n, long seed) {
        Map<String, List<GbifImage>> byKey = new HashMap<>();
        int missing = 0;
        for (GbifImage g : rows) {
            String k = Keys.norm(g.get(key));
            if (k == null) {
                missing++;
            } else {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(g);
            }
        }
        if (missing > 0) {
            LOG.info("{} image(s) without a {} dropped by the per-category cap", missing, key);
        }
        Set<GbifImage> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<GbifImage> group : byKey.values()) {
            if (group.size() > n) {
                group.sort(Comparator.comparingLong(g -> Keys.rank(seed, g.imagePath())));
                keep.addAll(group.subList(0, n));
            } else {
                keep.addAll(group);
            }
        }
        List<GbifImage> out = new ArrayList<>();
        for (GbifImage g : rows) {
            if (keep.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The keys of a {@code --subset-list} JSON file: a list of numbers or strings. */
    public static Set<String> subsetKeys(List<?> json) {
        Set<String> s = new HashSet<>();
        for (Object o : json) {
            s.add(Keys.norm(String.valueOf(o)));
        }
        return s;
    }
}
