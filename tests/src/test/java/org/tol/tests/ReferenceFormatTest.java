package org.tol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.cli.TolCommand;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetRowWriter;
import picocli.CommandLine;

/**
 * Code written for the reference's {@code predictions_rank{R}.parquet} must run unchanged on tol's: a foreign
 * reader (DuckDB, as pandas/pyarrow would) sees every column the reference writes under its name and type.
 * The names and types come from the reference scripts: MegaDetector ({@code YOLOV8_Distributed}) writes
 * {@code img_id} str and {@code n_animal_detected} int; CLIP {@code uuid}, {@code pred_label} str,
 * {@code pred_score} float; faces {@code uuid}, {@code pred_label} bool, {@code pred_score} float — pandas
 * stores Python's str/int/float/bool as Parquet string, INT64, DOUBLE, BOOLEAN.
 */
class ReferenceFormatTest {
    @TempDir static Path dir;
    static Path data;

    private static void tol(String... args) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, "tol " + String.join(" ", args) + " failed:\n" + err + out);
    }

    @BeforeAll
    static void sample() {
        tol("sample", "make", "--out", dir.resolve("sample").toString(), "--files", "1", "--images", "6", "--seed", "3",
                "--bad-rows", "1");
        data = dir.resolve("sample/data");
    }

    /** Column name to DuckDB type of everything {@code read_parquet} sees in the output's per-rank files. */
    private static Map<String, String> describe(Path out) throws Exception {
        return describeFiles(out + "/predictions_rank*.parquet");
    }

    private static Map<String, String> describeFiles(String glob) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void megadetectorHasImgIdStringAndAnimalCountInt64() throws Exception {
        Path model = dir.resolve("md.onnx");
        tol("models", "demo", "megadetector", "--out", model.toString());
        Path out = dir.resolve("md");
        tol("filter", "megadetector", "--input", data.toString(), "--output", out.toString(), "--model", model.toString(),
                "--device", "cpu");
        Map<String, String> t = describe(out);
        assertEquals("VARCHAR", t.get("img_id"), t.toString());
        assertEquals("BIGINT", t.get("n_animal_detected"), t.toString());
        assertEquals("VARCHAR", t.get("uuid"), t.toString());
        String files = "read_parquet('" + out + "/predictions_rank*.parquet')";
        // img_id is the uuid on every row, failed rows included; the reference's query for empty frames runs
        assertTrue(scalar("SELECT count(*) FROM " + files + " WHERE status <> 'ok'") > 0, "the sample's bad row");
        assertEquals(scalar("SELECT count(*) FROM " + files), scalar("SELECT count(*) FROM " + files + " WHERE img_id = uuid"));
        assertEquals(scalar("SELECT count(*) FROM " + files + " WHERE status = 'ok' AND is_empty"),
                scalar("SELECT count(*) FROM " + files + " WHERE n_animal_detected = 0"));
        // the collected file keeps the same names and types
        tol("collect", out.toString(), "--allow-partial");
        Map<String, String> collected = describeFiles(out.resolve("predictions.parquet").toString());
        assertEquals("VARCHAR", collected.get("img_id"), collected.toString());
        assertEquals("BIGINT", collected.get("n_animal_detected"), collected.toString());
    }

    @Test
    void clipHasUuidLabelStringAndScoreDouble() throws Exception {
        Path model = dir.resolve("clip.onnx");
        Path support = dir.resolve("clip-support.pt");
        tol("models", "demo", "clip", "--out", model.toString(), "--support-set-out", support.toString());
        Path out = dir.resolve("clip");
        tol("filter", "clip", "--input", data.toString(), "--output", out.toString(), "--model", model.toString(),
                "--support-set", support.toString(), "--device", "cpu");
        Map<String, String> t = describe(out);
        assertEquals("VARCHAR", t.get("uuid"), t.toString());
        assertEquals("VARCHAR", t.get("pred_label"), t.toString());
        assertEquals("DOUBLE", t.get("pred_score"), t.toString());
        // the reference stores float(score) of a float32 cosine: every value is a float32 held in a double
        String files = "read_parquet('" + out + "/predictions_rank*.parquet')";
        assertEquals(scalar("SELECT count(*) FROM " + files + " WHERE status = 'ok'"), scalar("SELECT count(*) FROM "
                + files + " WHERE pred_score BETWEEN -1 AND 1 AND pred_score = CAST(CAST(pred_score AS FLOAT) AS DOUBLE)"));
    }

    @Test
    void facesHaveUuidLabelBooleanAndScoreDouble() throws Exception {
        Path nets = dir.resolve("mtcnn");
        tol("models", "demo", "faces", "--out", nets.toString());
        // the reference's face job takes --file_paths_parquet: a Parquet file whose 'path' column lists the data
        Path list = dir.resolve("file_paths.parquet");
        try (ParquetRowWriter w = ParquetRowWriter.create(list, List.of(Column.string("path")))) {
            for (InputFile f : InputFiles.resolve(List.of(data.toString()))) {
                w.write(Map.of("path", f.path().toAbsolutePath().toString()));
            }
            w.commit();
        }
        Path out = dir.resolve("faces");
        tol("filter", "faces", "--input", list.toString(), "--output", out.toString(), "--models-dir", nets.toString(),
                "--device", "cpu");
        Map<String, String> t = describe(out);
        assertEquals("VARCHAR", t.get("uuid"), t.toString());
        assertEquals("BOOLEAN", t.get("pred_label"), t.toString());
        assertEquals("DOUBLE", t.get("pred_score"), t.toString());
        // the reference's rule: pred_label = pred_score > 0
        assertEquals(0, scalar("SELECT count(*) FROM read_parquet('" + out + "/predictions_rank*.parquet')"
                + " WHERE status = 'ok' AND pred_label <> (pred_score > 0)"));
        assertTrue(Files.exists(out.resolve("predictions_rank0.parquet")));
        assertEquals(scalar("SELECT count(*) FROM read_parquet('" + data + "/**/*.parquet')"),
                scalar("SELECT count(*) FROM read_parquet('" + out + "/predictions_rank*.parquet')"),
                "one row per row of the listed file");
    }
}
