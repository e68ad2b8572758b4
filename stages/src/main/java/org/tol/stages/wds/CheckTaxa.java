package org.tol.stages.wds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code tol wds check-taxa}: the five checks of bioclip's {@code check_taxa.py} on a catalog, with pandas'
 * reading rules (an empty cell and pandas' default NA strings such as "NA" or "null" are missing), train_small
 * rows dropped, and {@code data_source} = EOL, else BIOSCAN, else iNat21 by which id column is filled.
 */
public final class CheckTaxa {
    public static final List<String> EXPECTED = CatalogJob.HEADER.subList(1, CatalogJob.HEADER.size());
    private static final List<String> TAXA = List.of("kingdom", "phylum", "class", "order", "family", "genus", "species");
    /** pandas.read_csv's default na_values (plus the empty string). */
    private static final Set<String> NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    /** One warning of the reference (its message) and the number behind it. */
    public record Warning(String check, String message, long count) {}

    public record Report(long rows, long kingdoms, long multiWordSpecies, long unidentifiedSpecies, long nullCommon,
            Map<String, Long> nullCommonBySource, List<String> nullCommonFirst, List<String> nullCommonLast,
            List<Warning> warnings, boolean ok) {}

    private CheckTaxa() {}

    public static Report run(Path csv) throws IOException {
        Set<String> kingdoms = new TreeSet<>();
        long rows = 0;
        long[] genusMissing = new long[5];
        long[] familyMissing = new long[4];
        long[] orderMissing = new long[3];
        long speciesNoGenus = 0;
        long[] speciesNoGenusHas = new long[5];
        long multi = 0;
        long unidentified = 0;
        long nullCommon = 0;
        Map<String, Long> bySource = new TreeMap<>();
        List<String> first = new ArrayList<>();
        java.util.ArrayDeque<String> last = new java.util.ArrayDeque<>();
        try (CsvRows in = new CsvRows(csv)) {
            in.require(EXPECTED);
            boolean hasSplit = in.has("split");
            for (String[] r = in.next(); r != null; r = in.next()) {
                if (hasSplit && "train_small".equals(in.get(r, "split"))) {
                    continue;
                }
                rows++;
                boolean[] present = new boolean[7];
                for (int i = 0; i < 7; i++) {
                    present[i] = !NA.contains(in.get(r, TAXA.get(i)));
                }
                if (present[0]) {
                    kingdoms.add(in.get(r, "kingdom"));
                }
                if (present[5]) {
                    count(present, 5, genusMissing);
                } else if (present[4]) {
                    count(present, 4, familyMissing);
                } else if (present[3]) {
                    count(present, 3, orderMissing);
                }
                if (!present[5] && present[6]) {
                    speciesNoGenus++;
                    for (int i = 0; i < 5; i++) {
                        if (present[i]) {
                            speciesNoGenusHas[i]++;
                        }
                    }
                }
                if (present[6]) {
                    String sp = in.get(r, "species");
                    if (sp.split(" ", -1).length > 1) {
                        multi++;
                    }
                    if (sp.equals("(unidentified)")) {
                        unidentified++;
                    }
                }
                if (NA.contains(in.get(r, "common"))) {
                    nullCommon++;
                    bySource.merge(source(in, r), 1L, Long::sum);
                    String id = in.get(r, "treeoflife_id");
                    if (first.size() < 5) {
                        first.add(id);
                    }
                    last.add(id);
                    if (last.size() > 5) {
                        last.poll();
                    }
                }
            }
        }
        List<Warning> w = new ArrayList<>();
        if (kingdoms.size() != 3) {
            w.add(new Warning("kingdom", "There are " + kingdoms.size() + " kingdoms instead of 3.", kingdoms.size()));
        }
        hierarchy(w, genusMissing, "genus");
        hierarchy(w, familyMissing, "family");
        hierarchy(w, orderMissing, "order");
        for (int i = 0; i < 5; i++) {
            if (speciesNoGenusHas[i] > 0) {
                w.add(new Warning("hierarchy", speciesNoGenusHas[i] + " entries have " + TAXA.get(i)
                        + " and species labels but no genus.", speciesNoGenusHas[i]));
            }
        }
        if (multi > 0) {
            w.add(new Warning("species_words", "There are " + multi + " samples with species label longer than one word.", multi));
        }
        if (unidentified > 0) {
            w.add(new Warning("unidentified", unidentified + " species are labeled as '(unidentified)'.", unidentified));
        }
        if (nullCommon > 0) {
            w.add(new Warning("common", nullCommon + " entries have null common. They are from "
                    + bySource.keySet() + ".", nullCommon));
        }
        Map<String, Long> src = new LinkedHashMap<>(bySource);
        return new Report(rows, kingdoms.size(), multi, unidentified, nullCommon, src, first, new ArrayList<>(last),
                w, w.isEmpty());
    }

    private static void count(boolean[] present, int level, long[] missing) {
        for (int i = 0; i < level; i++) {
            if (!present[i]) {
                missing[i]++;
            }
        }
    }

    private static void hierarchy(List<Warning> w, long[] missing, String label) {
        for (int i = 0; i < missing.length; i++) {
            if (missing[i] > 0) {
                w.add(new Warning("hierarchy", missing[i] + " entries are missing rank " + TAXA.get(i) + ", but have "
                        + label + " label.", missing[i]));
            }
        }
    }

    private static String source(CsvRows in, String[] r) {
        if (!NA.contains(in.get(r, "eol_content_id"))) {
            return "EOL";
        }
        if (!NA.contains(in.get(r, "bioscan_filename"))) {
            return "BIOSCAN";
        }
        if (!NA.contains(in.get(r, "inat21_filename"))) {
            return "iNat21";
        }
        return "unknown";
    }
}
