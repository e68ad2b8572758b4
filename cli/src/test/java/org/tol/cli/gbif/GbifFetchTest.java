package org.tol.cli.gbif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.gbif.table.CsvTable;
import picocli.CommandLine;

/** {@code tol gbif fetch} against a loopback server that injects failures. */
class GbifFetchTest {
    static final String DS = "4fa7b334-ce0d-4e88-aaae-2e0c138d049e";

    @TempDir Path tmp;

    static int tol(String... args) {
        CommandLine cl = TolCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void everyGoodImageArrivesOnceAndEveryFailureHasItsReason() throws Exception {
        try (ImageServer server = new ImageServer()) {
            String b = server.base();
            TestArchive a = new TestArchive()
                    .occ("101", DS, "11", "Adult").occ("102", DS, "11", "Adult").occ("103", DS, "11", "Adult")
                    .occ("104", DS, "12", "Adult").occ("105", DS, "12", "Adult").occ("106", DS, "12", "Adult")
                    .occ("107", DS, "13", "Adult").occ("108", DS, "13", "Adult")
                    .media("101", b + "/good/a.jpg").media("101", b + "/good/b.jpg")
                    .media("102", b + "/flaky500/c.jpg").media("103", b + "/ratelimited/d.jpg")
                    .media("104", b + "/slow/e.jpg").media("105", b + "/truncated/f.jpg")
                    .media("106", b + "/html/g.jpg").media("107", b + "/redirect/h.jpg")
                    .media("108", b + "/missing/i.jpg");
            Path zip = a.write(tmp.resolve("dwca.zip"));
            Path ds = tmp.resolve("images");
            String[] args = {"gbif", "fetch", "--dwca-file", zip.toString(), "--dataset-path", ds.toString(),
                "--request-timeout", "1", "--read-timeout", "1", "--max-retries", "2", "--retry-base-delay", "0.05",
                "--max-backoff", "2", "--num-workers", "4", "--progress-seconds", "0"};
            assertEquals(3, tol(args));

            Map<String, String> good = Map.of(DS + "/101.jpg", "/good/a.jpg", DS + "/101_1.jpg", "/good/b.jpg",
                    DS + "/102.jpg", "/flaky500/c.jpg", DS + "/103.jpg", "/ratelimited/d.jpg",
                    DS + "/107.jpg", "/good/h.jpg");
            for (Map.Entry<String, String> e : good.entrySet()) {
                String name = e.getValue().substring(e.getValue().lastIndexOf('/') + 1);
                assertArrayEquals(server.image(name), Files.readAllBytes(ds.resolve(e.getKey())), e.getKey());
                assertEquals(1, server.served(e.getValue()), "served once: " + e.getValue());
            }
            for (String bad : List.of("104", "105", "106", "108")) {
                assertFalse(Files.exists(ds.resolve(DS + "/" + bad + ".jpg")), bad);
            }
            try (Stream<Path> s = Files.walk(ds)) {
                assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).count(), "no temp files");
            }
            CsvTable f = CsvTable.read(ds.resolve("fetch_failures.csv"));
            assertEquals(List.of("image_path", "identifier", "reason", "http_status", "attempts", "message"), f.header());
            Map<String, String[]> byPath = new HashMap<>();
            for (String[] r : f.rows()) {
                byPath.put(r[0], r);
            }
            assertEquals(4, byPath.size());
            assertEquals("timeout", byPath.get(DS + "/104.jpg")[2]);
            assertEquals("3", byPath.get(DS + "/104.jpg")[4]);
            assertEquals("truncated", byPath.get(DS + "/105.jpg")[2]);
            assertEquals("html_page", byPath.get(DS + "/106.jpg")[2]);
            assertEquals("http_404", byPath.get(DS + "/108.jpg")[2]);
            assertEquals("1", byPath.get(DS + "/108.jpg")[4]);
            assertEquals(b + "/missing/i.jpg", byPath.get(DS + "/108.jpg")[1]);

            List<Long> t429 = server.times("/ratelimited/");
            assertEquals(2, t429.size());
            assertTrue(t429.get(1) - t429.get(0) >= 900_000_000L, "Retry-After: 1 honoured");

            // A rerun skips what arrived and only retries the failures.
            int before = server.requests("/good/a.jpg") + server.requests("/flaky500/c.jpg");
            assertEquals(3, tol(args));
            assertEquals(before, server.requests("/good/a.jpg") + server.requests("/flaky500/c.jpg"));
            assertEquals(4, CsvTable.read(ds.resolve("fetch_failures.csv")).rows().size());
        }
    }

    @Test
    void perHostRateLimitHolds() throws Exception {
        try (ImageServer server = new ImageServer()) {
            TestArchive a = new TestArchive();
            for (int i = 0; i < 16; i++) {
                a.occ(Integer.toString(200 + i), DS, "11", "Adult").media(Integer.toString(200 + i),
                        server.base() + "/good/r" + i + ".jpg");
            }
            Path zip = a.write(tmp.resolve("dwca.zip"));
            assertEquals(0, tol("gbif", "fetch", "--dwca-file", zip.toString(), "--dataset-path",
                    tmp.resolve("images").toString(), "--num-workers", "8", "--rate-limit", "8",
                    "--progress-seconds", "0"));
            List<Long> t = server.times("/good/");
            assertEquals(16, t.size());
            // 16 requests at 8/s need at least 15/8 s between the first and the last (tolerance 20%) ...
            assertTrue(t.get(15) - t.get(0) >= 1_500_000_000L, "span " + (t.get(15) - t.get(0)) / 1e6 + " ms");
            // ... and no one-second window holds more than 8 + 2 request arrivals (slots are 125 ms apart; a request
            // delayed by connection setup or the loaded machine can share a window with two extra slots).
            for (int i = 0; i < t.size(); i++) {
                int inWindow = 0;
                for (long x : t) {
                    inWindow += x >= t.get(i) && x < t.get(i) + 1_000_000_000L ? 1 : 0;
                }
                assertTrue(inWindow <= 10, inWindow + " requests within 1 s");
            }
        }
    }

    @Test
    void killedMidRunThenResumedFinishes() throws Exception {
        try (ImageServer server = new ImageServer()) {
            TestArchive a = new TestArchive();
            int n = 40;
            for (int i = 0; i < n; i++) {
                a.occ(Integer.toString(300 + i), DS, "11", "Adult").media(Integer.toString(300 + i),
                        server.base() + "/delay/k" + i + ".jpg");
            }
            Path zip = a.write(tmp.resolve("dwca.zip"));
            Path ds = tmp.resolve("images");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.tol.cli.Main", "-q", "gbif", "fetch",
                    "--dwca-file", zip.toString(), "--dataset-path", ds.toString(), "--num-workers", "2",
                    "--progress-seconds", "0"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (jpgs(ds).size() < 6 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "the child finished before it could be killed: " + Files.readString(tmp.resolve("child.log")));
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            List<Path> first = jpgs(ds);
            assertTrue(first.size() >= 6 && first.size() < n, first.size() + " images before the kill");
            for (Path f : first) { // a killed run leaves whole images or none
                assertArrayEquals(server.image(name(f)), Files.readAllBytes(f), f.toString());
            }
            Map<String, Integer> requestsBefore = new HashMap<>();
            for (Path f : first) {
                requestsBefore.put(name(f), server.requests("/delay/" + name(f)));
            }
            assertEquals(0, tol("gbif", "fetch", "--dwca-file", zip.toString(), "--dataset-path", ds.toString(),
                    "--num-workers", "4", "--progress-seconds", "0"));
            assertEquals(n, jpgs(ds).size());
            for (int i = 0; i < n; i++) {
                Path f = ds.resolve(DS + "/" + (300 + i) + ".jpg");
                assertArrayEquals(server.image("k" + i + ".jpg"), Files.readAllBytes(f), f.toString());
            }
            for (Map.Entry<String, Integer> e : requestsBefore.entrySet()) {
                assertEquals(e.getValue(), server.requests("/delay/" + e.getKey()), "not fetched again: " + e.getKey());
            }
        }
    }

    @Test
    void parquetOutputIsTreeOfLifeImagesInParquetAndResumes() throws Exception {
        try (ImageServer server = new ImageServer()) {
            TestArchive a = new TestArchive();
            for (int i = 0; i < 7; i++) {
                a.occ(Integer.toString(500 + i), DS, "11", "Adult").media(Integer.toString(500 + i),
                        server.base() + "/good/q" + i + ".jpg");
            }
            Path zip = a.write(tmp.resolve("dwca.zip"));
            Path ds = tmp.resolve("pq");
            String[] args = {"gbif", "fetch", "--dwca-file", zip.toString(), "--dataset-path", ds.toString(),
                "--output-format", "parquet", "--parquet-part-images", "3", "--progress-seconds", "0"};
            assertEquals(0, tol(args));
            List<Path> parts;
            try (Stream<Path> s = Files.list(ds.resolve("data"))) {
                parts = s.sorted().toList();
            }
            assertEquals(List.of("gbif_part00000.parquet", "gbif_part00001.parquet", "gbif_part00002.parquet"),
                    parts.stream().map(p -> p.getFileName().toString()).toList());
            Map<String, byte[]> byId = new HashMap<>();
            for (Path p : parts) {
                try (org.tol.io.parquet.ParquetRows rows = org.tol.io.parquet.ParquetRows.open(p,
                        org.tol.io.parquet.ImageColumns.SCHEMA.stream().map(c -> c.name()).toList())) {
                    for (org.tol.io.parquet.Row r = rows.next(); r != null; r = rows.next()) {
                        byte[] img = r.binary("image");
                        byId.put(r.string("source_id"), img);
                        java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(img));
                        assertArrayEquals(new long[] {bi.getHeight(), bi.getWidth()}, r.longs("original_size"));
                        assertEquals("gbif", r.string("source"));
                        assertEquals("127.0.0.1", r.string("server"));
                    }
                }
            }
            assertEquals(7, byId.size());
            for (int i = 0; i < 7; i++) {
                assertArrayEquals(server.image("q" + i + ".jpg"), byId.get(Integer.toString(500 + i)));
            }
            assertEquals(0, tol("inspect", ds.resolve("data").toString()), "every row decodes with tol's decoder");
            int requests = server.hits.size();
            assertEquals(0, tol(args));
            assertEquals(requests, server.hits.size(), "a rerun finds every image in the committed parts");
            try (Stream<Path> s = Files.list(ds.resolve("data"))) {
                assertEquals(3, s.count());
            }
        }
    }

    /** The server-side name of a fetched file: k{i}.jpg for {DS}/{300+i}.jpg. */
    private static String name(Path f) {
        String n = f.getFileName().toString();
        return "k" + (Integer.parseInt(n.substring(0, n.length() - 4)) - 300) + ".jpg";
    }

    private static List<Path> jpgs(Path ds) throws IOException {
        Path dir = ds.resolve(DS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jpg")
                    && !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
