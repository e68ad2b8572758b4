package org.tol.wds.taxon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ten text members of a TreeOfLife-10M sample ({@code make_txt} in bioclip's make_wds_reproduce.py). */
public final class TaxonText {
    /** The member extensions every sample has besides {@code jpg}, as the reference writes them (case kept). */
    public static final List<String> EXTENSIONS = List.of(
            "scientific_name.txt", "taxonomic_name.txt", "common_name.txt", "sci.txt", "com.txt", "taxon.txt",
            "taxonTag.txt", "sci_com.txt", "taxon_com.txt", "taxonTag_com.txt");

    private TaxonText() {}

    /** {@code get_common}: the common name if non-empty, else the scientific name, else the taxonomic one. */
    public static String common(Taxon taxon, String common) {
        if (common != null && !common.isEmpty()) {
            return common;
        }
        String sci = taxon.scientific();
        return sci.isEmpty() ? taxon.taxonomic() : sci;
    }

    /** Extension → text; throws IllegalArgumentException for an empty taxon, as make_txt asserts. */
    public static Map<String, String> members(Taxon taxon, String commonName) {
        if (taxon.empty()) {
            throw new IllegalArgumentException("taxon is empty (all seven ranks blank or unknown)");
        }
        String common = common(taxon, commonName);
        String sci = taxon.scientific();
        String taxonomic = taxon.taxonomic();
        String tagged = taxon.taggedText();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scientific_name.txt", sci);
        m.put("taxonomic_name.txt", taxonomic);
        m.put("common_name.txt", common);
        m.put("sci.txt", "a photo of " + sci + ".");
        m.put("com.txt", "a photo of " + common + ".");
        m.put("taxon.txt", "a photo of " + taxonomic + ".");
        m.put("taxonTag.txt", "a photo of " + tagged + ".");
        m.put("sci_com.txt", "a photo of " + sci + " with common name " + common + ".");
        m.put("taxon_com.txt", "a photo of " + taxonomic + " with common name " + common + ".");
        m.put("taxonTag_com.txt", "a photo of " + tagged + " with common name " + common + ".");
        return m;
    }
}
