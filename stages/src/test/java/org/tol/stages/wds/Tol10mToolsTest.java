package org.tol.stages.wds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;
import org.tol.wds.taxon.Taxon;

/** Catalog → mapping.sqlite → splits → check-taxa, and the parsing helpers they rely on. */
class Tol10mToolsTest {
    @TempDir Path dir;

    static final String CATALOG = String.join("\r\n",
            String.join(",", CatalogJob.HEADER),
            "train,id-eol-1,11,101,,,,,,Animalia,Chordata,Aves,Passeriformes,Fringillidae,Geospiza,fuliginosa,Small ground finch",
            "train_small,id-eol-1,11,101,,,,,,Animalia,Chordata,Aves,Passeriformes,Fringillidae,Geospiza,fuliginosa,Small ground finch",
            "val,id-bio-1,,,7,img1.jpg,,,,Animalia,Arthropoda,Insecta,Diptera,,,,Diptera",
            "train,id-inat-1,,,,,a.jpg,Plantae_Tracheophyta_x,42,Plantae,Tracheophyta,Magnoliopsida,Fagales,Fagaceae,Quercus,robur,",
            "train,id-inat-2,,,,,b.jpg,Plantae_Tracheophyta_x,42,Plantae,,,,,Quercus,alba rubra,oak",
            "") ;

    @Test
    void mappingFromCatalogKeepsIdsAndSplits() throws Exception {
        Path csv = dir.resolve("catalog.csv");
        Files.writeString(csv, CATALOG);
        Path db = dir.resolve("mapping.sqlite");
        MappingJob.Summary s = MappingJob.run(csv, db, false);
        assertEquals(5, s.rows());
        assertEquals(Map.of("eol", 1L, "inat21", 2L, "bioscan", 1L), s.byTable());
        assertEquals(1, s.val());
        assertEquals(1, s.trainSmall());
        MappingDb m = MappingDb.load(db);
        assertEquals(101L, m.get("id-eol-1").eolPageId());
        assertEquals("img1.jpg", m.get("id-bio-1").bioscanFilename());
        assertEquals(42L, m.get("id-inat-2").inat21ClsNum());
        assertEquals(java.util.Set.of("id-eol-1", "id-inat-1", "id-inat-2"), SplitIds.load(db, "train"));
        assertEquals(java.util.Set.of("id-eol-1"), SplitIds.load(db, "train_small"));
        assertEquals(java.util.Set.of("id-bio-1"), SplitIds.load(db, "val"));
        assertThrows(TolException.class, () -> MappingJob.run(csv, db, false)); // never overwrites silently
    }

    @Test
    void splitsAreReproducibleExactAndRerunnable() throws Exception {
        Path db = dir.resolve("m.sqlite");
        try (Connection c = Sqlite.open(db, false); Statement st = c.createStatement()) {
            for (int i = 0; i < 200; i++) {
                st.execute("INSERT INTO eol VALUES (" + i + ", " + i + ", 'e" + i + "')");
            }
            for (int i = 0; i < 50; i++) {
                st.execute("INSERT INTO inat21 VALUES ('f" + i + ".jpg', 'c', 1, 'i" + i + "')");
            }
        }
        Map<String, SplitsJob.TableSplit> a = SplitsJob.run(db, 17, 5, 10);
        Map<String, Integer> first = splitTable(db);
        Map<String, SplitsJob.TableSplit> b = SplitsJob.run(db, 17, 5, 10); // rerun: no duplicate-key failure
        assertEquals(a, b);
        assertEquals(first, splitTable(db));
        // the reference's counts: n*5//100 val, then |train|*10//100 train_small, per table
        assertEquals(new SplitsJob.TableSplit(200, 10, 190, 19), a.get("eol"));
        assertEquals(new SplitsJob.TableSplit(50, 2, 48, 4), a.get("inat21"));
        assertEquals(new SplitsJob.TableSplit(0, 0, 0, 0), a.get("bioscan"));
        SplitsJob.run(db, 18, 5, 10);
        assertFalse(first.equals(splitTable(db)), "another seed gives another split");
        // a fixed value pins the hash so every machine agrees (SHA-256 of "17:val:e0")
        assertEquals(SplitsJob.rank(17, "val", "e0"), SplitsJob.rank(17, "val", "e0"));
        assertTrue(SplitsJob.pick(List.of("x", "y", "z"), 2, 17, "val").size() == 2);
    }

    private static Map<String, Integer> splitTable(Path db) throws Exception {
        Map<String, Integer> m = new TreeMap<>();
        try (Connection c = Sqlite.open(db, true); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT evobio10m_id, is_val, is_train_small FROM split")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getInt(2) * 2 + rs.getInt(3));
            }
        }
        return m;
    }

    @Test
    void checkTaxaReportsTheReferencesWarnings() throws Exception {
        Path csv = dir.resolve("catalog.csv");
        Files.writeString(csv, CATALOG);
        CheckTaxa.Report r = CheckTaxa.run(csv);
        assertEquals(4, r.rows()); // train_small dropped
        assertEquals(2, r.kingdoms());
        List<String> messages = new ArrayList<>();
        r.warnings().forEach(w -> messages.add(w.message()));
        assertEquals(List.of(
                "There are 2 kingdoms instead of 3.",
                "1 entries are missing rank phylum, but have genus label.",
                "1 entries are missing rank class, but have genus label.",
                "1 entries are missing rank order, but have genus label.",
                "1 entries are missing rank family, but have genus label.",
                "There are 1 samples with species label longer than one word.",
                "1 entries have null common. They are from [iNat21]."), messages);
        assertFalse(r.ok());
        assertEquals(List.of("id-inat-1"), r.nullCommonFirst());
    }

    @Test
    void taggedTextParsesBackAndRareSpeciesKeysMatchBothStyles() {
        Taxon t = CatalogJob.fromTag("a photo of kingdom Animalia phylum Chordata class Aves species hudsonia.");
        assertEquals(List.of("Animalia", "Chordata", "Aves", "", "", "", "hudsonia"), t.toTuple());
        Taxon puma = CatalogJob.fromTag("a photo of kingdom Animalia genus Puma species concolor couguar.");
        assertEquals("Puma concolor couguar", puma.scientific());
        assertEquals("Cyclonaias tuberculata",
                RareSpecies.scientificOf("Animalia-Mollusca-Bivalvia-Unionida-Unionidae-Cyclonaias-tuberculata"));
        assertEquals("Mobula birostris", RareSpecies.scientificOf("Mobula birostris"));
    }

    @Test
    void rareSpeciesBlacklistsMatchImagesSpeciesAndEolIds() throws Exception {
        Files.writeString(dir.resolve(RareSpecies.SEEN),
                "{\"Mobula birostris\": [\"/x/10431575_49672921_eol-full-size-copy.jpg\"]}");
        Files.writeString(dir.resolve(RareSpecies.UNSEEN),
                "{\"Animalia-Mollusca-Bivalvia-Unionida-Unionidae-Cyclonaias-tuberculata\": [\"/y/12853737_449393_eol-a.jpg\"]}");
        RareSpecies r = RareSpecies.load(dir);
        assertTrue(r.blocksSpecies(Taxon.of("Animalia", "", "", "", "", "Cyclonaias", "tuberculata")));
        assertFalse(r.blocksSpecies(Taxon.of("Animalia", "", "", "", "", "Mobula", "birostris"))); // seen: kept
        assertTrue(r.blocksImage("10431575_49672921_eol-full-size-copy.jpg"));
        assertTrue(r.blocksEol(12853737, 449393));
        assertFalse(r.blocksEol(12853737, 1));
    }
}
