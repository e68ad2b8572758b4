package org.tol.wds.taxon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table-driven checks of the naming rules. The expected values in src/test/resources/taxon/*.tsv are what
 * bioclip's {@code src/imageomics/naming.py} returns for the same inputs; they include every case of its
 * {@code test_naming.py}.
 */
class TaxonTest {
    @Test
    void cleanNameMatchesTheReference() throws IOException {
        for (String[] r : Tsv.rows("clean-name-cases.tsv")) {
            assertEquals(r[1], NameCleaning.cleanName(r[0]), "clean_name(" + r[0] + ")");
        }
    }

    @Test
    void stripHtmlMatchesTheReference() throws IOException {
        for (String[] r : Tsv.rows("strip-html-cases.tsv")) {
            assertEquals(r[1], NameCleaning.stripHtml(r[0]), "strip_html(" + r[0] + ")");
        }
    }

    @Test
    void capitalizeIsPythons() throws IOException {
        for (String[] r : Tsv.rows("capitalize-cases.tsv")) {
            assertEquals(r[1], PyStrings.capitalize(r[0]), "capitalize(" + r[0] + ")");
        }
    }

    @Test
    void taxonCleaningAndDerivedStringsMatchTheReference() throws IOException {
        List<String[]> rows = Tsv.rows("taxon-cases.tsv");
        assertTrue(rows.size() >= 30);
        for (String[] r : rows) {
            Taxon t = Taxon.of(Arrays.asList(r).subList(0, 7));
            String what = "Taxon" + Arrays.toString(Arrays.copyOf(r, 7));
            List<String> ranks = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                ranks.add(t.rank(i));
            }
            assertEquals(Arrays.asList(r).subList(8, 15), ranks, what + " ranks");
            assertEquals(r[15], t.taxonomic(), what + " taxonomic");
            assertEquals(r[16], t.scientific(), what + " scientific");
            assertEquals(r[17], t.taggedText(), what + " tagged");
            assertEquals(r[18], TaxonText.common(t, r[7]), what + " common");
        }
    }

    /** bioclip test_naming.py: Taxon(...) == Taxon(...) cases. */
    @Test
    void bioclipTaxonEqualityCases() {
        assertEquals(Taxon.of("", "", "", "", "", "Morinda", "citrifolia"),
                Taxon.of("", "", "", "", "", "", "Morinda citrifolia L."));
        assertEquals(Taxon.of("", "", "", "", "", "stylidium", "spinulosum"),
                Taxon.of("", "", "", "", "", "", "Stylidium spinulosum r.br."));
        assertEquals(Taxon.of("", "", "", "", "", "drosera", "aliciae"),
                Taxon.of("", "", "", "", "", "", "Drosera aliciae r.hamet"));
        assertEquals(Taxon.of("", "", "", "", "", "geospiza", "fuliginosa"),
                Taxon.of("", "", "", "", "", "", "geospiza fuliginosa fuliginosa"));
        // test_taxon_removes_duplicate_species2 fails on the reference code itself (only a two-word species is
        // de-duplicated); tol follows the code, whose output is what the published shards contain.
        assertEquals("fuliginosa fuliginosa fuliginosa",
                Taxon.of("", "", "", "", "", "", "geospiza fuliginosa fuliginosa fuliginosa").species());
    }

    @Test
    void kingdomSynonymsAndUnknownValues() {
        assertEquals("animalia", Taxon.of("Metazoa", "", "", "", "", "", "").kingdom());
        assertEquals("plantae", Taxon.of("Archaeplastida", "", "", "", "", "", "").kingdom());
        assertEquals("plantae", Taxon.of("Chloroplastida", "", "", "", "", "", "").kingdom());
        assertTrue(Taxon.of("unknown", "(unidentified)", "PleaseHelp", "", "", "", "").empty());
        assertTrue(Taxon.of("a", "b", "c", "d", "e", "f", "g").filled());
        assertFalse(Taxon.of("a", "b", "", "d", "e", "f", "g").filled());
        assertEquals(List.of("Animalia", "", "", "", "", "Puma", "concolor"),
                Taxon.of("animalia", null, null, null, null, "PUMA", "Concolor").toTuple());
    }

    @Test
    void tenTextMembers() {
        Taxon t = Taxon.of("Animalia", "Chordata", "Aves", "Passeriformes", "Fringillidae", "Geospiza", "fuliginosa");
        Map<String, String> m = TaxonText.members(t, "Small ground finch");
        assertEquals(TaxonText.EXTENSIONS, List.copyOf(m.keySet()));
        String tag = "kingdom Animalia phylum Chordata class Aves order Passeriformes family Fringillidae "
                + "genus Geospiza species fuliginosa";
        assertEquals("Geospiza fuliginosa", m.get("scientific_name.txt"));
        assertEquals("Animalia Chordata Aves Passeriformes Fringillidae Geospiza fuliginosa",
                m.get("taxonomic_name.txt"));
        assertEquals("Small ground finch", m.get("common_name.txt"));
        assertEquals("a photo of Geospiza fuliginosa.", m.get("sci.txt"));
        assertEquals("a photo of Small ground finch.", m.get("com.txt"));
        assertEquals("a photo of Animalia Chordata Aves Passeriformes Fringillidae Geospiza fuliginosa.",
                m.get("taxon.txt"));
        assertEquals("a photo of " + tag + ".", m.get("taxonTag.txt"));
        assertEquals("a photo of Geospiza fuliginosa with common name Small ground finch.", m.get("sci_com.txt"));
        assertEquals("a photo of Animalia Chordata Aves Passeriformes Fringillidae Geospiza fuliginosa with common "
                + "name Small ground finch.", m.get("taxon_com.txt"));
        assertEquals("a photo of " + tag + " with common name Small ground finch.", m.get("taxonTag_com.txt"));
        // fallback: scientific, then taxonomic
        assertEquals("Geospiza fuliginosa", TaxonText.members(t, "").get("common_name.txt"));
        Taxon family = Taxon.of("Plantae", "", "", "", "Fagaceae", "", "");
        assertEquals("a photo of Plantae Fagaceae.", TaxonText.members(family, null).get("com.txt"));
        assertThrows(IllegalArgumentException.class,
                () -> TaxonText.members(Taxon.of("unknown", "", "", "", "", "", ""), "x"));
    }

    @Test
    void pythonWhitespaceSplit() {
        assertEquals(List.of("a", "b", "c"), PyStrings.split(" a\u00a0b\u2003 c\u3000"));
        assertEquals("a b", PyStrings.strip("\u202fa b\u0085"));
    }
}
