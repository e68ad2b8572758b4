package org.tol.tests.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import picocli.CommandLine;

/**
 * {@code tol select} on real CLIP and MegaDetector outputs of the sample data: the keep-list and every drop
 * reason equal an independent computation over the predictions read with tol's Parquet reader, and
 * {@code --extract} copies exactly the kept rows, image cells byte for byte, resuming on a rerun.
 */
class SelectEndToEndTest {
    @TempDir static Path dir;
    static String d;

    static int run(StringWriter out, String... args) {
        CommandLine cl = TolCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(args);
    }

    static String tol(String... args) {
        StringWriter out = new StringWriter();
        int code = run(out, args);
        assertEquals(0, code, () -> "tol " + String.join(" ", args) + " -> " + code + "\n" + out);
        return out.toString();
    }

    @BeforeAll
    static void runs() {
        d = dir.toString();
        String data = d + "/sample/data";
        tol("sample", "make", "--out", d + "/sample", "--files", "2", "--images", "24", "--seed", "11", "--bad-rows", "2");
        tol("models", "demo", "clip", "--out", d + "/clip.onnx", "--support-set-out", d + "/support.pt");
        tol("filter", "clip", "--input", data, "--output", d + "/clip", "--model", d + "/clip.onnx", "--support-set",
                d + "/support.pt", "--device", "cpu", "--collect");
        tol("models", "demo", "megadetector", "--out", d + "/md.onnx");
        tol("filter", "megadetector", "--input", data, "--output", d + "/md", "--model", d + "/md.onnx", "--collect");
    }

    private static Map<String, Row> rows(Path file, List<String> cols) throws Exception {
        Map<String, Row> m = new HashMap<>();
        try (ParquetRows r = ParquetRows.open(file, cols)) {
            Row row;
            while ((row = r.next()) != null) {
                m.put(row.string("uuid"), row);
            }
        }
        return m;
    }

    @Test
    void keepListAndReasonsEqualAnIndependentComputation() throws Exception {
        String out = tol("select", "--predictions", "md=" + d + "/md", "--predictions", "clip=" + d + "/clip",
                "--where", "md.is_empty = false", "--where", "pred_label NOT IN ('demo: grey', 'demo: dark')",
                "--output", d + "/keep.parquet", "--dropped", d + "/dropped.parquet", "--json");
        JsonNode j = Json.mapper().readTree(out.substring(out.indexOf('{')));
        Map<String, Row> md = rows(Path.of(d, "md/predictions.parquet"), List.of("uuid", "status", "is_empty"));
        Map<String, Row> clip = rows(Path.of(d, "clip/predictions.parquet"), List.of("uuid", "status", "pred_label"));
        TreeSet<String> kept = new TreeSet<>();
        Map<String, Long> reasons = new TreeMap<>();
        for (Map.Entry<String, Row> e : md.entrySet()) {
            Row m = e.getValue();
            Row c = clip.get(e.getKey());
            String reason = c == null ? "not in clip"
                    : !"ok".equals(m.string("status")) ? "md status " + m.string("status")
                    : !"ok".equals(c.string("status")) ? "clip status " + c.string("status")
                    : !Boolean.FALSE.equals(m.value("is_empty")) ? "where: md.is_empty = false"
                    : List.of("demo: grey", "demo: dark").contains(c.string("pred_label"))
                            ? "where: pred_label NOT IN ('demo: grey', 'demo: dark')" : null;
            if (reason == null) {
                kept.add(e.getKey());
            } else {
                reasons.merge(reason, 1L, Long::sum);
            }
        }
        assertEquals(24, j.path("rows").asLong());
        assertEquals(kept.size(), j.path("kept").asLong());
        Map<String, Long> printed = new TreeMap<>();
        j.path("dropped_by_reason").fields().forEachRemaining(f -> printed.put(f.getKey(), f.getValue().asLong()));
        assertEquals(reasons, printed);
        assertTrue(reasons.get("where: md.is_empty = false") > 0 && kept.size() > 0, "the sample exercises both sides: " + reasons);

        List<String> keptRows = new ArrayList<>();
        try (ParquetRows r = ParquetRows.open(Path.of(d, "keep.parquet"), List.of("uuid", "is_empty", "pred_label"))) {
            assertEquals(List.of("uuid", "is_empty", "pred_label"), r.columns().stream().map(c -> c.name()).toList());
            Row row;
            while ((row = r.next()) != null) {
                keptRows.add(row.string("uuid"));
                assertEquals(clip.get(row.string("uuid")).string("pred_label"), row.string("pred_label"));
            }
        }
        assertEquals(new ArrayList<>(kept), keptRows, "the keep-list: the kept uuids, sorted");
        assertEquals(24 - kept.size(), rows(Path.of(d, "dropped.parquet"), List.of("uuid")).size());
    }

    @Test
    void extractCopiesExactlyTheKeptRowsAndResumes() throws Exception {
        String data = d + "/sample/data";
        String[] args = {"select", "--predictions", d + "/clip", "--where", "pred_score >= 0.5", "--output", d + "/k2.parquet",
            "--columns", "clip.pred_label", "--input", data, "--extract", d + "/images", "--json"};
        tol(args);
        try (ParquetRows r = ParquetRows.open(Path.of(d, "k2.parquet"), List.of("uuid", "pred_score", "pred_label"))) {
            assertEquals(List.of("uuid", "pred_score", "pred_label"), r.columns().stream().map(c -> c.name()).toList(),
                    "the columns used, then --columns");
        }
        Map<String, Row> clip = rows(Path.of(d, "clip/predictions.parquet"), List.of("uuid", "status", "pred_score"));
        TreeSet<String> expected = new TreeSet<>();
        clip.forEach((u, r) -> {
            if ("ok".equals(r.string("status")) && ((Number) r.value("pred_score")).doubleValue() >= 0.5) {
                expected.add(u);
            }
        });
        Map<String, byte[]> source = new HashMap<>();
        for (Path f : parquetFiles(Path.of(data))) {
            rows(f, List.of("uuid", "image")).forEach((u, r) -> source.put(u, r.binary("image")));
        }
        TreeSet<String> got = new TreeSet<>();
        List<Path> outFiles = parquetFiles(Path.of(d, "images"));
        for (Path f : outFiles) {
            assertTrue(Files.exists(Path.of(data).resolve(Path.of(d, "images").relativize(f).toString())), "mirrors an input: " + f);
            for (Map.Entry<String, Row> e : rows(f, List.of("uuid", "image", "identifier", "original_size")).entrySet()) {
                assertTrue(got.add(e.getKey()), "once: " + e.getKey());
                assertArrayEquals(source.get(e.getKey()), e.getValue().binary("image"), e.getKey());
                assertTrue(e.getValue().string("identifier") != null && e.getValue().longs("original_size").length == 2);
            }
        }
        assertEquals(expected, got);
        long before = Files.getLastModifiedTime(outFiles.get(0)).toMillis();
        List<String> rerun = new ArrayList<>(List.of(args));
        rerun.add("--force");
        String again2 = tol(rerun.toArray(String[]::new));
        JsonNode again = Json.mapper().readTree(again2.substring(again2.indexOf('{')));
        assertEquals(outFiles.size(), again.path("extracted").path("files_resumed").asInt(), "a rerun keeps finished files");
        assertEquals(before, Files.getLastModifiedTime(outFiles.get(0)).toMillis());
    }

    @Test
    void badConditionsAndExistingOutputsAreUsageErrors() {
        StringWriter out = new StringWriter();
        assertEquals(2, run(out, "select", "--predictions", d + "/clip", "--where", "no_such_column > 1", "--output",
                d + "/k3.parquet"));
        assertTrue(out.toString().contains("pred_label"), "the error lists the columns: " + out);
        StringWriter out2 = new StringWriter();
        assertEquals(2, run(out2, "select", "--predictions", d + "/clip", "--output", d + "/clip/predictions.parquet"));
        assertTrue(out2.toString().contains("exists"), out2.toString());
        assertEquals(2, run(new StringWriter(), "select", "--predictions", d + "/clip", "--columns", "nope", "--output",
                d + "/k4.parquet"));
    }

    private static List<Path> parquetFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
