package org.tol.gbif.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.gbif.table.CsvTable;

/** split-dataset's arithmetic, checked against counts worked out by hand from the reference's rules. */
class SplitJobTest {
    @TempDir Path dir;

    /** Category A: 20 occurrences (2 images each), B: 10 (1 image), C: 3 (1 image), plus a row with no category. */
    private Path dataset() throws Exception {
        List<String[]> rows = new ArrayList<>();
        int id = 1;
        for (Object[] c : new Object[][] {{"100", 20, 2}, {"200", 10, 1}, {"300", 3, 1}, {null, 1, 1}}) {
            for (int o = 0; o < (int) c[1]; o++, id++) {
                for (int k = 0; k < (int) c[2]; k++) {
                    rows.add(new String[] {"ds/" + id + (k > 0 ? "_" + k : "") + ".jpg", Integer.toString(id),
                        (String) c[0]});
                }
            }
        }
        Path csv = dir.resolve("clean.csv");
        CsvTable.write(csv, List.of("image_path", "coreid", "acceptedTaxonKey"), rows);
        return csv;
    }

    @Test
    void stratifiedCountsCapsAndOccurrenceGrouping() throws Exception {
        Path csv = dataset();
        SplitJob.run(csv, dir.resolve("s"), new SplitJob.Options("acceptedTaxonKey", 0, 0, 42, true, 0.2, 0.1));
        Map<String, Map<String, Integer>> occ = occurrencesPerCategory(dir.resolve("s"));
        // test: categories with >= 5 occurrences (A 20, B 10); ceil(0.2 x 30) = 6 -> A 4, B 2
        assertEquals(Map.of("100", 4, "200", 2), occ.get("test"));
        // val: categories with >= 10 occurrences (A, B); 24 left; ceil(0.125 x 24) = 3 -> A 2, B 1
        assertEquals(Map.of("100", 2, "200", 1), occ.get("val"));
        // train: the rest, C and the uncategorised row included
        assertEquals(Map.of("100", 14, "200", 7, "300", 3, "", 1), occ.get("train"));
        assertEquals(40 + 10 + 3 + 1, rows(dir.resolve("s/train.csv")).size() + rows(dir.resolve("s/val.csv")).size()
                + rows(dir.resolve("s/test.csv")).size());
        Set<String> seen = new HashSet<>();
        for (String s : List.of("train", "val", "test")) {
            for (String[] r : rows(dir.resolve("s/" + s + ".csv"))) {
                assertTrue(seen.add(r[0]), "each image in one split: " + r[0]);
            }
        }
        // an occurrence's two images stay together: every split has both images of its category-A occurrences
        for (String s : List.of("train", "val", "test")) {
            List<String[]> rs = rows(dir.resolve("s/" + s + ".csv"));
            long a = rs.stream().filter(r -> "100".equals(r[2])).count();
            assertEquals(2L * occ.get(s).getOrDefault("100", 0), a, s);
        }
        // same seed, same files; another seed, another choice
        SplitJob.run(csv, dir.resolve("again"), new SplitJob.Options("acceptedTaxonKey", 0, 0, 42, true, 0.2, 0.1));
        assertArrayEquals(Files.readAllBytes(dir.resolve("s/test.csv")), Files.readAllBytes(dir.resolve("again/test.csv")));
        SplitJob.run(csv, dir.resolve("other"), new SplitJob.Options("acceptedTaxonKey", 0, 0, 7, true, 0.2, 0.1));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("s/test.csv")),
                Files.readAllBytes(dir.resolve("other/test.csv"))));
    }

    @Test
    void capsAndMinInstances() throws Exception {
        Path csv = dataset();
        // max 5: train A 28 images -> 5, B 7 -> 5, C 3; val cap int(0.5) = 0 empties val; test cap int(1.0) = 1
        // min 4: C (3 train images) and the uncategorised row leave every split
        SplitJob.Summary s = SplitJob.run(csv, dir.resolve("c"),
                new SplitJob.Options("acceptedTaxonKey", 5, 4, 42, true, 0.2, 0.1));
        assertEquals(10, s.train());
        assertEquals(0, s.val());
        assertEquals(2, s.test());
    }

    @Test
    void noEligibleCategoryGivesEmptySplitsInsteadOfAnError() throws Exception {
        Path csv = dir.resolve("tiny.csv");
        CsvTable.write(csv, List.of("image_path", "coreid", "acceptedTaxonKey"),
                List.of(new String[] {"d/1.jpg", "1", "5"}, new String[] {"d/2.jpg", "2", "6"}));
        SplitJob.Summary s = SplitJob.run(csv, dir.resolve("t"), new SplitJob.Options("acceptedTaxonKey", 1000, 0, 42,
                true, 0.2, 0.1));
        assertEquals(List.of(2, 0, 0), List.of(s.train(), s.val(), s.test()));
        assertEquals(List.of("image_path", "coreid", "acceptedTaxonKey"), CsvTable.read(dir.resolve("t/val.csv")).header());
    }

    private static List<String[]> rows(Path csv) throws Exception {
        return CsvTable.read(csv).rows();
    }

    private static Map<String, Map<String, Integer>> occurrencesPerCategory(Path d) throws Exception {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (String s : List.of("train", "val", "test")) {
            Map<String, Set<String>> cores = new HashMap<>();
            for (String[] r : rows(d.resolve(s + ".csv"))) {
                cores.computeIfAbsent(r[2] == null ? "" : r[2], k -> new HashSet<>()).add(r[1]);
            }
            Map<String, Integer> n = new HashMap<>();
            cores.forEach((k, v) -> n.put(k, v.size()));
            out.put(s, n);
        }
        return out;
    }
}
