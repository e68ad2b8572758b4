package org.tol.gbif.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.gbif.Keys;

/**
 * A deterministic stand-in for sklearn's stratified {@code train_test_split(test_size=frac)}: ceil(frac·n)
 * units are chosen; each category gets floor(its share), and the units left over go to the categories with the
 * largest remainders (sklearn's {@code _approximate_mode}, with ties broken by a seeded rank instead of numpy's
 * global RNG); within a category the units of smallest {@link Keys#rank} are taken. No units → nothing chosen
 * (sklearn raised on an empty selection).
 */
final class Stratified {
    private Stratified() {}

    /** A unit: its category and the key its rank is computed from. */
    record Unit(String category, String key) {}

    static Set<String> choose(List<Unit> units, double frac, long seed, String salt) {
        Set<String> out = new HashSet<>();
        if (units.isEmpty() || frac <= 0) {
            return out;
        }
        int n = units.size();
        int take = (int) Math.min(n, Math.ceil(frac * n - 1e-9));
        Map<String, List<Unit>> byCat = new LinkedHashMap<>();
        for (Unit u : units) {
            byCat.computeIfAbsent(u.category(), k -> new ArrayList<>()).add(u);
        }
        List<String> cats = new ArrayList<>(byCat.keySet());
        Map<String, Integer> alloc = new LinkedHashMap<>();
        int given = 0;
        for (String c : cats) {
            int f = (int) Math.floor((double) byCat.get(c).size() * take / n);
            alloc.put(c, f);
            given += f;
        }
        cats.sort(Comparator.<String>comparingDouble(c -> -remainder(byCat.get(c).size(), take, n))
                .thenComparingLong(c -> Keys.rank(seed, salt + "/category/" + c)));
        for (int i = 0; given < take && i < cats.size(); i++) {
            String c = cats.get(i);
            if (alloc.get(c) < byCat.get(c).size()) {
                alloc.merge(c, 1, Integer::sum);
                given++;
            }
        }
        for (Map.Entry<String, List<Unit>> e : byCat.entrySet()) {
            List<Unit> members = new ArrayList<>(e.getValue());
            members.sort(Comparator.comparingLong(u -> Keys.rank(seed, salt + "/" + u.key())));
            for (Unit u : members.subList(0, alloc.get(e.getKey()))) {
                out.add(u.key());
            }
        }
        return out;
    }

    private static double remainder(int count, int take, int n) {
        double x = (double) count * take / n;
        return x - Math.floor(x);
    }
}
