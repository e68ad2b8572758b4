package org.tol.cli.gbif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.gbif.table.CsvTable;

/**
 * A synthetic DwC-A (columns out of order, quoted fields, several images per occurrence, a malformed line, an
 * image without occurrence, an occurrence without datasetKey) through fetch, verify (and its resume), delete,
 * clean and split; every output is compared with what this test computes from its own description of the data.
 */
class GbifEndToEndTest {
    static final String DS = GbifFetchTest.DS;
    static final String IGN = "f3130a8a-4508-42b4-9737-fbda77748438";

    @TempDir Path tmp;

    /** The test's own model of one image: what every step should make of it. */
    record Img(String coreid, int count, String ds, String taxon, String lifeStage, String kind, String name) {
        String path() {
            return ds + "/" + coreid + (count > 0 ? "_" + count : "") + ".jpg";
        }
    }

    @Test
    void allCommandsEndToEnd() throws Exception {
        try (ImageServer server = new ImageServer()) {
            String b = server.base();
            List<Img> imgs = new ArrayList<>();
            TestArchive a = new TestArchive();
            Object[][] occ = {
                {"401", DS, "11", "Adult", new String[] {"good/p1.jpg", "good/p2.jpg"}},
                {"402", DS, "11", "Adult", new String[] {"good/p3.jpg"}},
                {"403", DS, "11", "Imago", new String[] {"good/p4.jpg"}},
                {"404", DS, "11", "Adult", new String[] {"good/p5.jpg"}},
                {"405", DS, "11", "Larva", new String[] {"good/p6.jpg"}},
                {"406", DS, "11", null, new String[] {"good/p7.jpg"}},
                {"407", DS, "12", "Adult", new String[] {"good/p8.jpg", "good/p9.jpg", "good/p10.jpg"}},
                {"408", DS, "12", "Adult", new String[] {"good/p11.jpg"}},
                {"409", DS, "12", "Adult", new String[] {"thumb/p12.jpg"}},
                {"410", IGN, "12", "Adult", new String[] {"good/p13.jpg"}},
                {"411", DS, "13", "Adult", new String[] {"good/dup.jpg"}},
                {"412", DS, "13", "Adult", new String[] {"good/dup.jpg"}},
                {"413", DS, "13", "Adult", new String[] {"missing/p14.jpg"}},
                {"414", DS, "13", "Adult", new String[] {"good/p15.jpg"}},
                {"415", null, "13", "Adult", new String[] {"good/p16.jpg"}},
            };
            for (Object[] o : occ) {
                a.occ((String) o[0], (String) o[1], (String) o[2], (String) o[3]);
            }
            a.media("999", b + "/good/orphan.jpg"); // no occurrence: dropped by the inner join
            for (Object[] o : occ) {
                String[] urls = (String[]) o[4];
                for (int i = 0; i < urls.length; i++) {
                    a.media((String) o[0], b + "/" + urls[i]);
                    String kind = urls[i].substring(0, urls[i].indexOf('/'));
                    imgs.add(new Img((String) o[0], i, (String) o[1], (String) o[2], (String) o[3], kind,
                            urls[i].substring(kind.length() + 1)));
                }
            }
            a.malformedMediaLines.add("only\ttwo");
            Path zip = a.write(tmp.resolve("dwca.zip"));
            Path images = tmp.resolve("images");

            // fetch: everything with a datasetKey except the 404 arrives byte-exact
            assertEquals(3, GbifFetchTest.tol("gbif", "fetch", "--dwca-file", zip.toString(), "--dataset-path",
                    images.toString(), "--max-retries", "0", "--progress-seconds", "0"));
            for (Img i : imgs) {
                Path f = images.resolve(i.path());
                boolean expected = i.ds() != null && !i.kind().equals("missing");
                assertEquals(expected, Files.exists(f), i.path());
                if (expected) {
                    assertArrayEquals(bytes(server, i), Files.readAllBytes(f), i.path());
                }
            }
            List<String[]> failures = CsvTable.read(images.resolve("fetch_failures.csv")).rows();
            assertEquals(1, failures.size());
            assertEquals(DS + "/413.jpg", failures.get(0)[0]);
            assertEquals("http_404", failures.get(0)[2]);
            assertFalse(Files.exists(images.resolve("null")), "no image path without a datasetKey");

            // verify: one file corrupted after the download
            Files.write(images.resolve(DS + "/414.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3,
                4, 5, 6, 7, 8, 9, 10, 11, 12});
            Path results = tmp.resolve("verified.csv");
            assertEquals(0, GbifFetchTest.tol("gbif", "verify", "--dwca-file", zip.toString(), "--dataset-path",
                    images.toString(), "--results-csv", results.toString(), "--save-freq", "4"));
            CsvTable v = CsvTable.read(results);
            assertEquals(List.of("coreid", "identifier", "id", "datasetKey", "speciesKey", "familyKey", "orderKey",
                    "acceptedTaxonKey", "lifeStage", "decimalLatitude", "decimalLongitude", "eventDate", "count",
                    "image_path", "width", "height", "fetch_date", "file_size", "corrupted"), v.header());
            List<Img> verified = imgs.stream().filter(i -> i.ds() != null && !i.kind().equals("missing")
                    && !i.coreid().equals("414")).toList();
            assertEquals(verified.stream().map(Img::path).toList(), column(v, "image_path"));
            for (int r = 0; r < verified.size(); r++) {
                Img i = verified.get(r);
                String[] row = v.rows().get(r);
                BufferedImage bi = ImageIO.read(new ByteArrayInputStream(bytes(server, i)));
                assertEquals(List.of(i.coreid(), b + "/" + i.kind() + "/" + i.name(), i.coreid(), i.ds(), i.taxon(),
                        "5000", "700", i.taxon(), String.valueOf(i.lifeStage()), "45.5", "-73.5",
                        Integer.toString(bi.getWidth()), Integer.toString(bi.getHeight()),
                        Integer.toString(bytes(server, i).length), "False", Integer.toString(i.count())),
                        List.of(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], String.valueOf(row[8]),
                                row[9], row[10], row[14], row[15], row[17], row[18], row[12]));
                assertTrue(row[16].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), row[16]);
            }
            Path errors = Path.of(results + ".error.csv");
            assertEquals(List.of("image_path"), CsvTable.read(errors).header());
            assertEquals(List.of(DS + "/414.jpg"), column(CsvTable.read(errors), "image_path"));

            // resume: nothing to redo, the error listed once (the reference listed it again)
            byte[] before = Files.readAllBytes(results);
            assertEquals(0, GbifFetchTest.tol("gbif", "verify", "--dwca-file", zip.toString(), "--dataset-path",
                    images.toString(), "--results-csv", results.toString(), "--resume-from-ckpt", results.toString()));
            assertArrayEquals(before, Files.readAllBytes(results));
            assertEquals(List.of(DS + "/414.jpg"), column(CsvTable.read(errors), "image_path"));

            // delete the corrupted file
            assertEquals(0, GbifFetchTest.tol("gbif", "delete", "--error-images-csv", errors.toString(),
                    "--base-path", images.toString()));
            assertFalse(Files.exists(images.resolve(DS + "/414.jpg")));
            assertTrue(Files.exists(images.resolve(DS + "/401.jpg")));

            // clean, with a life-stage predictions CSV
            Path preds = tmp.resolve("preds.csv");
            Files.writeString(preds, "image_path,life_stage_prediction\n" + DS + "/406.jpg,Adult\n" + DS
                    + "/405.jpg,Larva\n");
            assertEquals(0, GbifFetchTest.tol("gbif", "clean", "--dwca-file", zip.toString(), "--verified-data-csv",
                    results.toString(), "--life-stage-predictions", preds.toString()));
            Map<String, Long> urlCount = new LinkedHashMap<>();
            for (Img i : verified) {
                urlCount.merge(i.kind() + "/" + i.name(), 1L, Long::sum);
            }
            List<String> expectClean = new ArrayList<>();
            for (Img i : verified) {
                boolean dup = urlCount.get(i.kind() + "/" + i.name()) > 1;
                boolean ignored = i.ds().equals(IGN);
                boolean thumb = i.kind().equals("thumb");
                boolean adult = "Adult".equals(i.lifeStage()) || "Imago".equals(i.lifeStage())
                        || i.coreid().equals("406");
                if (!dup && !ignored && !thumb && adult) {
                    expectClean.add(i.path());
                }
            }
            CsvTable clean = CsvTable.read(tmp.resolve("verified_clean.csv"));
            assertEquals(expectClean, column(clean, "image_path"));
            assertEquals(List.of("image_path", "width", "height", "fetch_date", "coreid"), clean.header().subList(0, 5));
            assertEquals("life_stage_prediction", clean.header().get(clean.header().size() - 1));

            // split: by occurrence; taxon 11 has 5 occurrences (eligible for test), nothing is eligible for val
            Path splits = tmp.resolve("splits");
            assertEquals(0, GbifFetchTest.tol("gbif", "split", "--dataset-csv", tmp.resolve("verified_clean.csv").toString(),
                    "--split-prefix", splits.toString()));
            CsvTable train = CsvTable.read(splits.resolve("train.csv"));
            CsvTable val = CsvTable.read(splits.resolve("val.csv"));
            CsvTable test = CsvTable.read(splits.resolve("test.csv"));
            assertEquals(clean.header(), train.header());
            assertEquals(clean.header(), val.header());
            assertTrue(val.rows().isEmpty());
            Set<String> testCores = new HashSet<>(column(test, "coreid"));
            assertEquals(1, testCores.size(), "ceil(0.2 x 5) = 1 occurrence of taxon 11");
            String chosen = testCores.iterator().next();
            assertTrue(Set.of("401", "402", "403", "404", "406").contains(chosen));
            List<String> expectTest = expectClean.stream().filter(p -> p.startsWith(DS + "/" + chosen)).toList();
            assertEquals(expectTest, column(test, "image_path"));
            List<String> expectTrain = expectClean.stream().filter(p -> !expectTest.contains(p)).toList();
            assertEquals(expectTrain, column(train, "image_path"));
            Path again = tmp.resolve("splits2");
            assertEquals(0, GbifFetchTest.tol("gbif", "split", "--dataset-csv", tmp.resolve("verified_clean.csv").toString(),
                    "--split-prefix", again.toString()));
            assertArrayEquals(Files.readAllBytes(splits.resolve("test.csv")), Files.readAllBytes(again.resolve("test.csv")));

            webdataset(images, splits, expectTrain, expectTest, chosen);
        }
    }

    private void webdataset(Path images, Path splits, List<String> train, List<String> test, String testCore)
            throws Exception {
        Path wds = tmp.resolve("wds");
        Path map = tmp.resolve("categories.json");
        assertEquals(0, GbifFetchTest.tol("gbif", "webdataset", "--annotations-csv", splits.resolve("train.csv").toString(),
                "--dataset-path", images.toString(), "--image-path-column", "image_path", "--label-column",
                "acceptedTaxonKey", "--webdataset-pattern", wds.resolve("train-%06d.tar").toString(),
                "--columns-to-json", "datasetKey,lifeStage,decimalLatitude", "--save-category-map-json", map.toString()));
        assertEquals(Map.of("11", 0, "12", 1), org.tol.io.json.Json.mapper().readValue(map.toFile(), Map.class));
        Map<String, Map<String, byte[]>> samples = readTar(wds.resolve("train-000000.tar"));
        assertTrue(Files.exists(wds.resolve("train-000000.tar.json")), "tol manifest next to the shard");
        assertFalse(Files.exists(wds.resolve("train-000001.tar")));
        assertEquals(train.size(), samples.size());
        for (String p : train) {
            String key = p.substring(0, p.length() - 4).toLowerCase().replace('/', '_');
            Map<String, byte[]> m = samples.get(key);
            assertArrayEquals(Files.readAllBytes(images.resolve(p)), m.get("jpg"), p);
            String core = p.substring(p.indexOf('/') + 1).split("[_.]")[0];
            String taxon = Integer.parseInt(core) >= 407 ? "12" : "11";
            assertEquals(taxon.equals("11") ? "0" : "1", new String(m.get("cls")));
            String life = core.equals("406") ? "null" : core.equals("403") ? "\"Imago\"" : "\"Adult\"";
            assertEquals("{\"datasetKey\": \"" + DS + "\", \"lifeStage\": " + life + ", \"decimalLatitude\": 45.5}",
                    new String(m.get("json")));
        }

        // test split: the training map, a MegaDetector crop without a resize (the reference crashed there)
        Path md = tmp.resolve("md.json");
        String first = test.get(0);
        Files.writeString(md, "{\"images\": [{\"file\": \"" + first + "\", \"detections\": ["
                + "{\"category\": \"1\", \"conf\": 0.3, \"bbox\": [0.0, 0.0, 1.0, 1.0]},"
                + "{\"category\": \"1\", \"conf\": 0.9, \"bbox\": [0.25, 0.5, 0.25, 0.125]}]}]}");
        assertEquals(0, GbifFetchTest.tol("gbif", "webdataset", "--annotations-csv", splits.resolve("test.csv").toString(),
                "--dataset-path", images.toString(), "--image-path-column", "image_path", "--label-column",
                "acceptedTaxonKey", "--webdataset-pattern", wds.resolve("test-%06d.tar").toString(),
                "--category-map-json", map.toString(), "--megadetector-results-json", md.toString()));
        Map<String, Map<String, byte[]>> t = readTar(wds.resolve("test-000000.tar"));
        assertEquals(test.size(), t.size());
        BufferedImage src = ImageIO.read(images.resolve(first).toFile());
        double w = src.getWidth();
        double h = src.getHeight();
        double side = 1.2 * Math.max(0.25 * w, 0.125 * h);
        double cx = 0.25 * w + 0.125 * w;
        double cy = 0.5 * h + 0.0625 * h;
        int left = (int) Math.max(0, cx - side / 2);
        int right = (int) Math.min(w, cx + side / 2);
        int upper = (int) Math.max(0, cy - side / 2);
        int lower = (int) Math.min(h, cy + side / 2);
        String key = first.substring(0, first.length() - 4).toLowerCase().replace('/', '_');
        BufferedImage crop = ImageIO.read(new ByteArrayInputStream(t.get(key).get("jpg")));
        assertEquals(right - left, crop.getWidth());
        assertEquals(lower - upper, crop.getHeight());
        assertEquals("0", new String(t.get(key).get("cls")));

        // a label missing from the given map: the row is skipped and reported (the reference raised KeyError)
        Path small = tmp.resolve("only12.json");
        Files.writeString(small, "{\"12\": 0}");
        assertEquals(3, GbifFetchTest.tol("gbif", "webdataset", "--annotations-csv", splits.resolve("train.csv").toString(),
                "--dataset-path", images.toString(), "--image-path-column", "image_path", "--label-column",
                "acceptedTaxonKey", "--webdataset-pattern", wds.resolve("only12-%06d.tar").toString(),
                "--category-map-json", small.toString(), "--resize-min-size", "40"));
        Map<String, Map<String, byte[]>> o12 = readTar(wds.resolve("only12-000000.tar"));
        assertEquals(train.stream().filter(p -> Integer.parseInt(p.substring(p.indexOf('/') + 1, p.indexOf('/') + 4)) >= 407)
                .count(), o12.size());
        for (Map<String, byte[]> m : o12.values()) {
            BufferedImage bi = ImageIO.read(new ByteArrayInputStream(m.get("jpg")));
            assertEquals(40, Math.min(bi.getWidth(), bi.getHeight()), "shorter side resized to 40");
        }
    }

    /** Reads a tar with Commons Compress (not tol's reader): key → extension → bytes, in member order. */
    private static Map<String, Map<String, byte[]>> readTar(Path tar) throws Exception {
        Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(tar))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String n = e.getName();
                int dot = n.indexOf('.', n.lastIndexOf('/') + 1);
                out.computeIfAbsent(n.substring(0, dot), k -> new LinkedHashMap<>()).put(n.substring(dot + 1), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] bytes(ImageServer server, Img i) {
        return i.kind().equals("thumb") ? server.thumb(i.name()) : server.image(i.name());
    }

    private static List<String> column(CsvTable t, String name) {
        int c = t.header().indexOf(name);
        List<String> out = new ArrayList<>();
        for (String[] r : t.rows()) {
            out.add(r[c]);
        }
        return out;
    }
}
