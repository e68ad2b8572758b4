package org.tol.tests.results;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.json.Json;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import picocli.CommandLine;

/**
 * {@code --keep-columns} copies input columns (Hive partition columns included) into every prediction row,
 * failed rows too, and the MegaDetector export writes the chosen column as {@code file}, per rank and as JSON
 * Lines.
 */
class PassThroughColumnsTest {
    @TempDir static Path dir;
    static String data;
    /** uuid to [identifier, source_id, source partition] of the input. */
    static final Map<String, List<String>> INPUT = new HashMap<>();

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
    static void sample() throws Exception {
        data = dir + "/sample/data";
        tol("sample", "make", "--out", dir + "/sample", "--files", "2", "--images", "16", "--seed", "5", "--bad-rows", "2");
        for (var f : InputFiles.resolve(List.of(data))) {
            try (ParquetRows r = ParquetRows.open(f.path(), List.of("uuid", "identifier", "source_id", "source"))) {
                for (Row row = r.next(); row != null; row = r.next()) {
                    INPUT.put(row.string("uuid"), List.of(row.string("identifier"), row.string("source_id"), row.string("source")));
                }
            }
        }
    }

    @Test
    void everyRowCarriesTheInputColumnsFailedRowsToo() throws Exception {
        String out = dir + "/stats";
        tol("filter", "image-stats", "--input", data, "--output", out, "--keep-columns", "identifier,source_id,source", "--collect");
        int failed = 0;
        try (ParquetRows r = ParquetRows.open(Path.of(out, "predictions.parquet"),
                List.of("uuid", "status", "width", "identifier", "source_id", "source"))) {
            List<String> names = r.columns().stream().map(c -> c.name()).toList();
            assertEquals(List.of("identifier", "source_id", "source"), names.subList(names.size() - 3, names.size()));
            int rows = 0;
            for (Row row = r.next(); row != null; row = r.next(), rows++) {
                List<String> in = INPUT.get(row.string("uuid"));
                assertEquals(in, List.of(row.string("identifier"), row.string("source_id"), row.string("source")), row.string("uuid"));
                failed += "ok".equals(row.string("status")) ? 0 : 1;
            }
            assertEquals(INPUT.size(), rows);
        }
        assertEquals(2, failed, "the planted bad rows keep their input columns");
        JsonNode runJson = Json.mapper().readTree(Path.of(out, "run.json").toFile());
        assertEquals("identifier,source_id,source", runJson.path("fingerprint").path("keep_columns").asText());

        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "filter", "image-stats", "--input", data, "--output", out, "--keep-columns", "identifier"),
                "resuming with other columns is refused: " + err);
    }

    @Test
    void unknownOrForbiddenColumnsAreUsageErrors() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "filter", "image-stats", "--input", data, "--output", dir + "/x", "--keep-columns", "nope"));
        assertTrue(err.toString().contains("identifier"), "lists the columns: " + err);
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "filter", "image-stats", "--input", data, "--output", dir + "/y", "--keep-columns", "image"));
    }

    @Test
    void megaDetectorExportUsesTheChosenColumnPerRankAndAsJsonLines() throws Exception {
        String md = dir + "/md";
        tol("models", "demo", "megadetector", "--out", dir + "/md.onnx");
        for (String rank : List.of("0", "1")) {
            tol("filter", "megadetector", "--input", data, "--output", md, "--model", dir + "/md.onnx", "--rank", rank,
                    "--world-size", "2", "--keep-columns", "identifier");
        }
        tol("export", "megadetector-json", md, "--per-rank", "--jsonl");
        tol("export", "megadetector-json", md, "--per-rank", "--jsonl", "--file-column", "uuid", "--to", dir + "/by-uuid");
        List<String> pairs = new ArrayList<>();
        for (String rank : List.of("0", "1")) {
            List<String> ids = Files.readAllLines(Path.of(md, "megadetector_rank" + rank + ".jsonl"));
            List<String> uuids = Files.readAllLines(Path.of(dir + "/by-uuid", "megadetector_rank" + rank + ".jsonl"));
            assertEquals(ids.size(), uuids.size());
            for (int i = 0; i < ids.size(); i++) {
                String uuid = Json.mapper().readTree(uuids.get(i)).path("file").asText();
                String file = Json.mapper().readTree(ids.get(i)).path("file").asText();
                assertEquals(INPUT.get(uuid).get(0), file, "file of " + uuid);
                pairs.add(uuid);
            }
            JsonNode info = Json.mapper().readTree(Path.of(md, "megadetector_rank" + rank + ".info.json").toFile());
            assertEquals("animal", info.path("detection_categories").path("1").asText());
        }
        assertEquals(INPUT.keySet(), new java.util.HashSet<>(pairs), "every row once across the ranks' files");
        assertEquals(INPUT.size(), pairs.size());

        tol("collect", md);
        tol("export", "megadetector-json", md);
        JsonNode doc = Json.mapper().readTree(Path.of(md, "megadetector.json").toFile());
        try (Stream<JsonNode> s = java.util.stream.StreamSupport.stream(doc.path("images").spliterator(), false)) {
            assertTrue(s.allMatch(img -> img.path("file").asText().startsWith("https://")), "identifier is the default file");
        }
    }
}
