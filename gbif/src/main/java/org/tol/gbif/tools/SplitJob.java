package org.tol.gbif.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.gbif.Keys;
import org.tol.gbif.table.CsvTable;

/**
 * The reference's {@code split-dataset}, deterministic for a seed: units are occurrences (first row per coreid)
 * or images; test takes ceil(test_frac·n) units stratified over categories with at least ceil(1/test_frac)
 * units; val takes val_frac/(1−test_frac) of the remaining units of categories with at least ceil(1/val_frac)
 * units (counted before the test split, as the reference did); both expand to every image of a chosen
 * occurrence; train is the rest. Then each split is capped per category (train max, val int(max·val_frac),
 * test int(max·test_frac); the images of smallest seeded rank are kept) and categories with fewer than
 * min_instances train images are dropped from all three. A split with no eligible category is empty instead
 * of an sklearn error. Rows keep the input order; a row with no category stays in train (the reference's
 * NaN semantics) unless min_instances > 0 drops it.
 */
public final class SplitJob {
    public record Options(String categoryKey, int maxInstances, int minInstances, long seed,
            boolean splitByOccurrence, double testFrac, double valFrac) {}

    public record Summary(int rows, int train, int val, int test, List<String> files) {}

    private SplitJob() {}

    public static Summary run(Path datasetCsv, Path splitPrefix, Options o) throws IOException {
        if (!(o.testFrac() > 0 && o.valFrac() > 0 && o.testFrac() + o.valFrac() < 1)) {
            throw new IllegalArgumentException("--test-frac and --val-frac must be > 0 with a sum below 1");
        }
        CsvTable t = CsvTable.read(datasetCsv);
        int cat = t.column(o.categoryKey(), datasetCsv);
        int path = t.column("image_path", datasetCsv);
        int core = o.splitByOccurrence() ? t.column("coreid", datasetCsv) : path;
        List<String[]> rows = t.rows();

        List<Stratified.Unit> units = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String[] r : rows) {
            if (seen.add(r[core])) {
                units.add(new Stratified.Unit(Keys.norm(r[cat]), r[core]));
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Stratified.Unit u : units) {
            if (u.category() != null) {
                counts.merge(u.category(), 1, Integer::sum);
            }
        }
        int minTest = (int) Math.ceil(1 / o.testFrac() - 1e-9);
        int minVal = (int) Math.ceil(1 / o.valFrac() - 1e-9);
        List<Stratified.Unit> testPool = eligible(units, counts, minTest, Set.of());
        Set<String> test = Stratified.choose(testPool, o.testFrac(), o.seed(), "test");
        List<Stratified.Unit> valPool = eligible(units, counts, minVal, test);
        Set<String> val = Stratified.choose(valPool, o.valFrac() / (1 - o.testFrac()), o.seed(), "val");

        Map<String, List<String[]>> split = new LinkedHashMap<>();
        for (String s : List.of("train", "val", "test")) {
            split.put(s, new ArrayList<>());
        }
        for (String[] r : rows) {
            split.get(test.contains(r[core]) ? "test" : val.contains(r[core]) ? "val" : "train").add(r);
        }
        if (o.maxInstances() > 0) {
            cap(split.get("train"), cat, path, o.maxInstances(), o.seed(), "train");
            cap(split.get("val"), cat, path, (int) (o.maxInstances() * o.valFrac()), o.seed(), "val");
            cap(split.get("test"), cat, path, (int) (o.maxInstances() * o.testFrac()), o.seed(), "test");
        }
        if (o.minInstances() > 0) {
            Map<String, Integer> train = new HashMap<>();
            for (String[] r : split.get("train")) {
                if (Keys.norm(r[cat]) != null) {
                    train.merge(Keys.norm(r[cat]), 1, Integer::sum);
                }
            }
            for (List<String[]> s : split.values()) {
                s.removeIf(r -> Keys.norm(r[cat]) == null || train.getOrDefault(Keys.norm(r[cat]), 0) < o.minInstances());
            }
        }
        Files.createDirectories(splitPrefix);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : split.entrySet()) {
            Path f = splitPrefix.resolve(e.getKey() + ".csv");
            CsvTable.write(f, t.header(), e.getValue());
            files.add(f.toString());
        }
        return new Summary(rows.size(), split.get("train").size(), split.get("val").size(), split.get("test").size(),
                files);
    }

    private static List<Stratified.Unit> eligible(List<Stratified.Unit> units, Map<String, Integer> counts, int min,
            Set<String> exclude) {
        List<Stratified.Unit> out = new ArrayList<>();
        for (Stratified.Unit u : units) {
            if (u.category() != null && counts.get(u.category()) >= min && !exclude.contains(u.key())) {
                out.add(u);
            }
        }
        return out;
    }

    /** Categories above {@code max} rows keep the {@code max} rows of smallest rank; order is kept. */
    private static void cap(List<String[]> rows, int cat, int path, int max, long seed, String salt) {
        Map<String, List<String[]>> byCat = new HashMap<>();
        for (String[] r : rows) {
            String k = Keys.norm(r[cat]);
            if (k != null) {
                byCat.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        Set<String[]> drop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<String[]> g : byCat.values()) {
            if (g.size() > max) {
                g.sort(Comparator.comparingLong(r -> Keys.rank(seed, "cap/" + salt + "/" + r[path])));
                drop.addAll(g.subList(max, g.size()));
            }
        }
        rows.removeIf(drop::contains);
    }
}
