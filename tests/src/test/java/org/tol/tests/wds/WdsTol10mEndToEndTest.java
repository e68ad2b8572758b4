package org.tol.tests.wds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.image.ImageEncoder;
import org.tol.io.image.SyntheticImages;
import org.tol.wds.ShardNames;
import org.tol.wds.ShardReader;

/**
 * {@code tol wds build-tol10m} on a miniature TreeOfLife-10M reproduce layout: an EOL .tar.gz of {@code <uuid>.jpg}
 * members (streamed), a BIOSCAN part and an iNat21 class directory; ids and the split from mapping.sqlite, names
 * from the lookups, and both Rare Species blacklists (an unseen species in the 7-rank key style, an EOL image by
 * its content/page basename) actually applied. Then catalog + check-taxa over the result.
 */
class WdsTol10mEndToEndTest {
    @TempDir Path tmp;

    static final String E1 = "00000000-0000-4000-8000-000000000001";
    static final String E2 = "00000000-0000-4000-8000-000000000002"; // rare image (content 5, page 50)
    static final String E3 = "00000000-0000-4000-8000-000000000003"; // not in the db
    static final String E4 = "00000000-0000-4000-8000-000000000004"; // page 60: rare species Cyclonaias tuberculata
    static final String B1 = "b-1";
    static final String I1 = "i-1";
    static final String I2 = "i-2"; // train, not val

    private static byte[] jpeg(int seed) {
        return new ImageEncoder(ImageEncoder.Format.JPEG, 90).encode(SyntheticImages.render(new Random(seed), 64, 48));
    }

    @Test
    void buildsOneSplitWithBlacklistsThatMatch() throws Exception {
        Path root = tmp.resolve("dataset");
        Files.createDirectories(root.resolve("eol"));
        try (OutputStream f = Files.newOutputStream(root.resolve("eol/part-000.tar.gz"));
                TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(f))) {
            int seed = 0;
            for (String id : List.of(E1, E2, E3, E4)) {
                byte[] b = jpeg(seed++);
                TarArchiveEntry e = new TarArchiveEntry("images/" + id + ".jpg");
                e.setSize(b.length);
                t.putArchiveEntry(e);
                t.write(b);
                t.closeArchiveEntry();
            }
        }
        Files.createDirectories(root.resolve("bioscan/part1"));
        Files.write(root.resolve("bioscan/part1/x.jpg"), jpeg(10));
        Path cls = Files.createDirectories(root.resolve("inat21/train/00007_Plantae_Tracheophyta_Magnoliopsida_Fagales_Fagaceae_Quercus_robur"));
        Files.write(cls.resolve("a.jpg"), jpeg(11));
        Files.write(cls.resolve("b.jpg"), jpeg(12));

        Path db = tmp.resolve("mapping.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE eol (content_id INT, page_id INT, evobio10m_id TEXT PRIMARY KEY)");
            st.executeUpdate("CREATE TABLE inat21 (filename TEXT, cls_name TEXT, cls_num INT, evobio10m_id TEXT PRIMARY KEY)");
            st.executeUpdate("CREATE TABLE bioscan (part INT, filename TEXT, evobio10m_id TEXT PRIMARY KEY)");
            st.executeUpdate("CREATE TABLE split (evobio10m_id TEXT PRIMARY KEY, is_val INT, is_train_small INT)");
            st.executeUpdate("INSERT INTO eol VALUES (1, 10, '" + E1 + "'), (5, 50, '" + E2 + "'), (6, 60, '" + E4 + "')");
            st.executeUpdate("INSERT INTO bioscan VALUES (1, 'x.jpg', '" + B1 + "')");
            st.executeUpdate("INSERT INTO inat21 VALUES ('a.jpg', 'Plantae_x', 7, '" + I1 + "'), ('b.jpg', 'Plantae_x', 7, '" + I2 + "')");
            st.executeUpdate("INSERT INTO split VALUES ('" + E1 + "', 1, 0), ('" + E2 + "', 1, 0), ('" + E4 + "', 1, 0), "
                    + "('" + B1 + "', 1, 0), ('" + I1 + "', 1, 0), ('" + I2 + "', 0, 1)");
        }
        Path names = Files.createDirectories(tmp.resolve("naming"));
        Files.writeString(names.resolve("eol_name_lookup.json"), "{\"10\": [[\"Animalia\", \"Chordata\", \"Aves\", "
                + "\"Passeriformes\", \"Fringillidae\", \"Geospiza\", \"fuliginosa\"], \"Small ground finch\", [0,0,0,0,0,0,0]],"
                + "\"50\": [[\"Animalia\", \"\", \"\", \"\", \"\", \"Mobula\", \"birostris\"], \"\", [0,0,0,0,0,0,0]],"
                + "\"60\": [[\"Animalia\", \"Mollusca\", \"Bivalvia\", \"Unionida\", \"Unionidae\", \"Cyclonaias\", "
                + "\"tuberculata\"], \"\", [0,0,0,0,0,0,0]]}");
        Files.writeString(names.resolve("bioscan_name_lookup.json"), "{\"" + B1 + "\": [[\"Animalia\", \"Arthropoda\", "
                + "\"Insecta\", \"Diptera\", \"\", \"\", \"\"], \"\", [0,0,0,0,0,0,0]]}");
        Files.writeString(names.resolve("inat21_name_lookup.json"), "{\"7\": [[\"Plantae\", \"Tracheophyta\", "
                + "\"Magnoliopsida\", \"Fagales\", \"Fagaceae\", \"Quercus\", \"robur\"], \"English oak\", [0,0,0,0,0,0,0]]}");
        Path rare = Files.createDirectories(tmp.resolve("rarespecies"));
        Files.writeString(rare.resolve("seen_in_training.json"),
                "{\"Mobula birostris\": [\"/fs/x/5_50_eol-full-size-copy.jpg\"]}");
        Files.writeString(rare.resolve("unseen_in_training.json"),
                "{\"Animalia-Mollusca-Bivalvia-Unionida-Unionidae-Cyclonaias-tuberculata\": [\"/fs/y/9_99_eol-x.jpg\"]}");

        Path out = tmp.resolve("out");
        Path shards = tmp.resolve("224x224/val");
        assertEquals(0, TolCommand.commandLine().execute("wds", "build-tol10m", "--root", root.toString(), "--db",
                db.toString(), "--names", names.toString(), "--split", "val", "--rare-species", rare.toString(),
                "--output", out.toString(), "--publish-dir", shards.toString(), "--threads", "2"));
        Map<String, String> common = new TreeMap<>();
        for (Path p : ShardNames.list(shards).values()) {
            try (ShardReader r = new ShardReader(p)) {
                for (ShardReader.Group g = r.next(); g != null; g = r.next()) {
                    assertEquals(11, g.members().size());
                    common.put(g.key(), new String(g.asMap().get("common_name.txt"), StandardCharsets.UTF_8));
                }
            }
        }
        // E2: rare image by content/page, E3: not in the db, E4: rare (unseen) species, I2: not in val
        assertEquals(Map.of(E1, "Small ground finch", B1, "Animalia Arthropoda Insecta Diptera", I1, "English oak"),
                common);

        assertEquals(0, TolCommand.commandLine().execute("wds", "catalog", "--dir", tmp.resolve("224x224").toString(),
                "--db", db.toString(), "--names", names.toString()));
        List<String> rows = Files.readAllLines(tmp.resolve("224x224/catalog.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.contains("val," + E1 + ",1,10,,,,,,Animalia,Chordata,Aves,Passeriformes,Fringillidae,Geospiza,"
                + "fuliginosa,Small ground finch"), rows.toString());
        assertTrue(rows.contains("val," + I1 + ",,,,,a.jpg,Plantae_x,7,Plantae,Tracheophyta,Magnoliopsida,Fagales,"
                + "Fagaceae,Quercus,robur,English oak"), rows.toString());
        // two kingdoms and a BIOSCAN row without genus: check-taxa warns
        assertEquals(3, TolCommand.commandLine().execute("wds", "check-taxa",
                tmp.resolve("224x224/catalog.csv").toString(), "--json"));
    }
}
