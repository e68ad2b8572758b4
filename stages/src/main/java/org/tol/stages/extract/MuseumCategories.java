package org.tol.stages.extract;

import java.util.List;
import java.util.function.Function;
import org.tol.stages.lookup.ReferenceLists;

/**
 * The 12 ordered category rules of {@code extract_museum_specimen.py --repartition}; the first that holds wins.
 * Spark's NULL semantics: a comparison with a NULL column is false (the reference also guards each with
 * {@code isNotNull}), so a NULL never matches a rule; only Invertebrate Zoology accepts a NULL class.
 */
public final class MuseumCategories {
    private MuseumCategories() {}

    /** Every category in rule order, names exactly as the reference spells them. */
    public static final List<String> NAMES = List.of("Plant", "Fungi", "Insect", "Invertebrate Zoology",
            "Vertebrate Zoology - Fishes", "Vertebrate Zoology - Amphibians", "Vertebrate Zoology - Reptiles",
            "Vertebrate Zoology - Birds", "Vertebrate Zoology - Mammals", "Vertebrate Zoology - Others", "Microbiology",
            "Uncategorized");

    /** The category of a row; {@code col} gives a taxonomy column's value (null when NULL or absent). */
    public static String categorize(Function<String, String> col) {
        String kingdom = col.apply("kingdom");
        String phylum = col.apply("phylum");
        String cls = col.apply("class");
        String order = col.apply("order");
        boolean chordata = "Chordata".equals(phylum);
        if ("Plantae".equals(kingdom) || in(phylum, ReferenceLists.PLANT_PHYLA)) {
            return "Plant";
        }
        if ("Fungi".equals(kingdom) || in(phylum, ReferenceLists.FUNGI_PHYLA)) {
            return "Fungi";
        }
        if ("Insecta".equals(cls)) {
            return "Insect";
        }
        if (in(phylum, ReferenceLists.INVERTEBRATE_PHYLA) && (cls == null || !cls.equals("Insecta"))) {
            return "Invertebrate Zoology";
        }
        if (chordata && in(order, ReferenceLists.FISH_ORDERS)) {
            return "Vertebrate Zoology - Fishes";
        }
        if (chordata && "Amphibia".equals(cls)) {
            return "Vertebrate Zoology - Amphibians";
        }
        if (chordata && "Reptilia".equals(cls)) {
            return "Vertebrate Zoology - Reptiles";
        }
        if (chordata && "Aves".equals(cls)) {
            return "Vertebrate Zoology - Birds";
        }
        if (chordata && "Mammalia".equals(cls)) {
            return "Vertebrate Zoology - Mammals";
        }
        if (chordata) {
            return "Vertebrate Zoology - Others";
        }
        if (in(phylum, ReferenceLists.MICROBIOLOGY_PHYLA)) {
            return "Microbiology";
        }
        return "Uncategorized";
    }

    private static boolean in(String value, List<String> list) {
        return value != null && list.contains(value);
    }
}
