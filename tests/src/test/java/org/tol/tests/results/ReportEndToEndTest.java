package org.tol.tests.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.json.Json;
import picocli.CommandLine;

/**
 * {@code tol report} on real runs of the sample data (CLIP and MegaDetector with demo models, PDQ hash and
 * dedup): the page holds each section with the run's exact counts, embeds thumbnails decoded from the input,
 * loads nothing from elsewhere, reports a run in progress from its committed parts, and renders in a real
 * headless browser (skipped where none is installed).
 */
class ReportEndToEndTest {
    @TempDir static Path dir;
    static Path report;
    static String html;

    static String tol(String... args) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, () -> "tol " + String.join(" ", args) + " -> " + code + "\n" + out + err);
        return out.toString();
    }

    @BeforeAll
    static void runs() throws Exception {
        String d = dir.toString();
        String data = d + "/sample/data";
        tol("sample", "make", "--out", d + "/sample", "--files", "2", "--images", "24", "--seed", "7", "--bad-rows", "2");
        tol("models", "demo", "clip", "--out", d + "/clip.onnx", "--support-set-out", d + "/support.pt");
        tol("filter", "clip", "--input", data, "--output", d + "/clip", "--model", d + "/clip.onnx", "--support-set",
                d + "/support.pt", "--device", "cpu", "--collect");
        tol("models", "demo", "megadetector", "--out", d + "/md.onnx");
        tol("filter", "megadetector", "--input", data, "--output", d + "/md", "--model", d + "/md.onnx", "--collect");
        tol("pdq", "hash", "--input", data, "--output", d + "/hash", "--collect");
        tol("pdq", "dedup", "--input", d + "/hash", "--output", d + "/dedup");
        report = dir.resolve("report.html");
        String out = tol("report", d + "/clip", d + "/md", d + "/dedup", "--output", report.toString());
        assertTrue(out.contains(report.toString()), out);
        html = Files.readString(report);
    }

    @Test
    void sectionsCarryTheRunsExactCounts() throws Exception {
        for (String heading : List.of("clip (clip)", "md (megadetector)", "dedup (pdq-dedup)", "Progress and throughput per rank",
                "Rows by status", "Failure reasons", "CLIP labels", "CLIP score histogram", "MegaDetector empty rate",
                "MegaDetector detections per class", "PDQ duplicate cluster sizes", "Gallery", "Failures")) {
            assertTrue(html.contains(">" + heading + "</h"), "missing heading " + heading);
        }
        JsonNode summary = Json.mapper().readTree(dir.resolve("clip/summary.json").toFile());
        summary.path("rows_by_status").fields().forEachRemaining(e ->
                assertTrue(html.contains("<title>" + e.getKey() + ": " + e.getValue().asLong() + "</title>"), e.getKey()));
        assertEquals(2, summary.path("rows").asLong() - summary.path("rows_by_status").path("ok").asLong());
        assertFalse(html.contains("IN PROGRESS"), "a collected run is not in progress");
    }

    @Test
    void galleryEmbedsThumbnailsAndLoadsNothingFromElsewhere() {
        Matcher m = Pattern.compile("href=\"data:image/jpeg;base64,").matcher(html);
        int thumbs = 0;
        while (m.find()) {
            thumbs++;
        }
        assertTrue(thumbs >= 10, "thumbnails: " + thumbs);
        assertTrue(html.contains(">no image</div>"), "failed rows are shown without an image");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").matches("(?s).*(https?:|src=\"//|url\\().*"),
                "the page must not reference anything outside itself");
    }

    @Test
    void runInProgressIsReportedFromItsCommittedParts() throws Exception {
        Path run = dir.resolve("clip-running");
        String d = dir.toString();
        tol("filter", "clip", "--input", d + "/sample/data", "--output", run.toString(), "--model", d + "/clip.onnx",
                "--support-set", d + "/support.pt", "--device", "cpu");
        // as if the rank were still working on its second unit: one unit done, the other not yet committed
        keepFirstLine(run.resolve("logs/processed_files_rank0.log"));
        keepFirstLine(run.resolve("checkpoints_rank0/manifest.jsonl"));
        String unit = Json.mapper().readTree(Files.readAllLines(run.resolve("checkpoints_rank0/manifest.jsonl")).get(0))
                .path("endRow").asText();
        Path page = dir.resolve("running.html");
        String out = tol("report", run.toString(), "--output", page.toString(), "--json");
        JsonNode j = Json.mapper().readTree(out);
        assertEquals(1, j.path("in_progress").size());
        String running = Files.readString(page);
        assertTrue(running.contains("IN PROGRESS"));
        assertTrue(running.contains("1 of 2 units done"));
        assertTrue(running.contains(unit + " rows, "), "rows counted from the one committed part (" + unit + ")");
    }

    private static void keepFirstLine(Path file) throws Exception {
        Files.writeString(file, Files.readAllLines(file).get(0) + "\n");
    }

    @Test
    void rendersInAHeadlessBrowser() throws Exception {
        String browser = browser();
        assumeTrue(browser != null, "no chromium/chrome on PATH (apt-get install chromium): browser check skipped");
        Path shot = dir.resolve("shot.png");
        Path profile = dir.resolve("chrome-profile");
        String url = report.toUri().toString();
        List<String> common = List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1200,3000");
        Process p = new ProcessBuilder(concat(common, "--screenshot=" + shot, url)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("shot.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browser did not finish");
        assertTrue(Files.exists(shot), Files.readString(dir.resolve("shot.log")));
        BufferedImage img = ImageIO.read(shot.toFile());
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                inked += rgb == 0xffffff ? 0 : 1;
            }
        }
        assertTrue(inked > img.getWidth() * img.getHeight() / 4 / 50, "screenshot is (nearly) blank: " + inked + " inked pixels");
        assertTrue(colours.size() > 50, "screenshot has only " + colours.size() + " colours");

        Path domFile = dir.resolve("dom.html");
        p = new ProcessBuilder(concat(common, "--dump-dom", url)).redirectOutput(domFile.toFile())
                .redirectError(dir.resolve("dom.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browser did not finish");
        String dom = Files.readString(domFile);
        for (String heading : List.of("<h1>tol report</h1>", ">CLIP labels</h3>", ">MegaDetector empty rate</h3>",
                ">PDQ duplicate cluster sizes</h3>", ">Gallery</h2>")) {
            assertTrue(dom.contains(heading), "DOM lacks " + heading);
        }
        assertTrue(dom.contains("<image href=\"data:image/jpeg;base64,"), "DOM lacks the thumbnails");
    }

    private static List<String> concat(List<String> a, String... more) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>(a);
        l.addAll(List.of(more));
        return l;
    }

    /** {@code $TOL_TEST_BROWSER}, else chromium, chromium-browser, google-chrome found on PATH, else null. */
    static String browser() {
        String env = System.getenv("TOL_TEST_BROWSER");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        return null;
    }
}
