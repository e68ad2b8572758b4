package org.tol.wds.taxon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * bioclip's {@code Taxon}: seven ranks cleaned on construction in the reference's order (rank cleaning,
 * species {@code clean_name}, kingdom synonyms, genus recovered from or removed from the species, duplicated
 * epithet, rank cleaning again) and the derived strings the shards' text members are made of.
 */
public final class Taxon {
    /** Tier names as {@code tagged} spells them ("class", not Python's {@code cls}). */
    public static final List<String> TIERS = List.of("kingdom", "phylum", "class", "order", "family", "genus", "species");
    private static final Map<String, String> KINGDOM_SYNONYMS = Map.of(
            "metazoa", "animalia", "archaeplastida", "plantae", "chloroplastida", "plantae");

    private final String[] ranks; // cleaned, lower case

    private Taxon(String[] ranks) {
        this.ranks = ranks;
    }

    /** Builds and cleans a taxon; null values count as empty. */
    public static Taxon of(String kingdom, String phylum, String cls, String order, String family, String genus,
            String species) {
        String[] r = {kingdom, phylum, cls, order, family, genus, species};
        for (int i = 0; i < 7; i++) {
            r[i] = NameCleaning.cleanRank(r[i] == null ? "" : r[i]);
        }
        r[6] = NameCleaning.cleanName(r[6]);
        r[0] = KINGDOM_SYNONYMS.getOrDefault(r[0], r[0]);
        List<String> words = PyStrings.split(r[6]);
        // A whitespace-only species has no words; the reference would raise on unpacking there.
        if (!r[6].isEmpty() && !words.isEmpty()) {
            String maybeGenus = words.get(0);
            List<String> rest = words.subList(1, words.size());
            if (maybeGenus.equals(r[5]) && !rest.isEmpty()) {
                r[6] = String.join(" ", rest);
            }
            if (r[5].isEmpty() && !rest.isEmpty()) {
                r[6] = String.join(" ", rest);
                r[5] = maybeGenus;
            }
            List<String> now = PyStrings.split(r[6]);
            if (now.size() == 2 && now.get(0).equals(now.get(1))) {
                r[6] = now.get(0);
            }
        }
        for (int i = 0; i < 7; i++) {
            r[i] = NameCleaning.cleanRank(r[i]);
        }
        return new Taxon(r);
    }

    /** From a 7-element list (kingdom … species), e.g. a name-lookup JSON tuple. */
    public static Taxon of(List<String> seven) {
        if (seven.size() != 7) {
            throw new IllegalArgumentException("a taxon needs 7 ranks, got " + seven.size() + ": " + seven);
        }
        return of(seven.get(0), seven.get(1), seven.get(2), seven.get(3), seven.get(4), seven.get(5), seven.get(6));
    }

    public String rank(int i) {
        return ranks[i];
    }

    public String kingdom() {
        return ranks[0];
    }

    public String genus() {
        return ranks[5];
    }

    public String species() {
        return ranks[6];
    }

    public boolean empty() {
        return Arrays.stream(ranks).allMatch(String::isEmpty);
    }

    public boolean filled() {
        return Arrays.stream(ranks).noneMatch(String::isEmpty);
    }

    /** The 7 values as written to name lookups and the catalog: ranks capitalised, species lower case. */
    public List<String> toTuple() {
        List<String> out = new ArrayList<>(7);
        for (int i = 0; i < 6; i++) {
            out.add(PyStrings.capitalize(ranks[i]));
        }
        out.add(PyStrings.lower(ranks[6]));
        return out;
    }

    /** "Animalia Chordata Aves … Genus species" with empty ranks collapsed away. */
    public String taxonomic() {
        return PyStrings.collapse(PyStrings.strip(String.join(" ", toTuple())));
    }

    /** "Genus species", only its first letter upper case (Python capitalize on the whole string). */
    public String scientific() {
        String name = PyStrings.strip(PyStrings.capitalize(ranks[5]) + " " + PyStrings.lower(ranks[6]));
        return PyStrings.capitalize(PyStrings.collapse(name));
    }

    /** (tier, value) pairs of the non-empty ranks. */
    public List<Map.Entry<String, String>> tagged() {
        List<String> t = toTuple();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if (!t.get(i).isEmpty()) {
                out.add(Map.entry(TIERS.get(i), t.get(i)));
            }
        }
        return out;
    }

    /** "kingdom Animalia phylum Chordata … species hudsonia", as make_txt joins the tagged pairs. */
    public String taggedText() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : tagged()) {
            parts.add(e.getKey() + " " + e.getValue());
        }
        return String.join(" ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Taxon t && Arrays.equals(ranks, t.ranks);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranks);
    }

    @Override
    public String toString() {
        return "Taxon" + Arrays.toString(ranks);
    }
}
