package org.tol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.cli.TolCommand;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import picocli.CommandLine;

/**
 * The detector commands end to end through the CLI and the rank runtime, on images-in-Parquet (raw BGR
 * cells) written here, with the demo models the project builds ({@code tol models demo ...}).
 */
class DetectorsEndToEndTest {
    @TempDir Path dir;

    private String tol(String... args) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, "tol " + String.join(" ", args) + " failed:\n" + err + out);
        return out.toString();
    }

    /** Raw BGR bytes of a solid image with an optional rectangle, as the TOL image column stores them. */
    private static byte[] bgr(int w, int h, int[] rgb, int[] rect, int[] rectRgb) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = rect != null && x >= rect[0] && x < rect[0] + rect[2] && y >= rect[1] && y < rect[1] + rect[3];
                int[] c = in ? rectRgb : rgb;
                int o = (y * w + x) * 3;
                px[o] = (byte) c[2];
                px[o + 1] = (byte) c[1];
                px[o + 2] = (byte) c[0];
            }
        }
        return px;
    }

    private Path images(Map<String, Object[]> rows) throws Exception {
        Path file = dir.resolve("in/data_0.parquet");
        java.nio.file.Files.createDirectories(file.getParent());
        List<Column> cols = List.of(Column.string("uuid"), Column.binary("image"),
                new Column("original_size", ColumnType.listOf(ColumnType.Primitive.INT64)),
                new Column("resized_size", ColumnType.listOf(ColumnType.Primitive.INT64)));
        try (ParquetRowWriter w = ParquetRowWriter.create(file, cols)) {
            for (Map.Entry<String, Object[]> e : rows.entrySet()) {
                Map<String, Object> r = new HashMap<>();
                r.put("uuid", e.getKey());
                r.put("image", e.getValue()[0]);
                r.put("original_size", List.of((long) (int) e.getValue()[2], (long) (int) e.getValue()[1]));
                r.put("resized_size", List.of((long) (int) e.getValue()[2], (long) (int) e.getValue()[1]));
                w.write(r);
            }
            w.commit();
        }
        return file;
    }

    private static Map<String, Row> byUuid(Path predictions, List<String> columns) throws Exception {
        Map<String, Row> out = new HashMap<>();
        try (ParquetRows rows = ParquetRows.open(predictions, columns)) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                out.put(r.string("uuid"), r);
            }
        }
        return out;
    }

    @Test
    void megadetectorDemoFindsTheRedAnimalAndExportsMegaDetectorJson() throws Exception {
        Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
        rows.put("red", new Object[] {bgr(1000, 500, new int[] {255, 0, 0}, null, null), 1000, 500});
        rows.put("dark", new Object[] {bgr(1000, 500, new int[] {0, 0, 0}, null, null), 1000, 500});
        rows.put("broken", new Object[] {new byte[17], 1000, 500});
        Path in = images(rows);
        Path model = dir.resolve("md.onnx");
        tol("models", "demo", "megadetector", "--out", model.toString());
        Path out = dir.resolve("md-out");
        // a corrupt row is a per-row status, not a failed run
        tol("filter", "megadetector", "--input", in.toString(), "--output", out.toString(), "--model", model.toString(),
                "--device", "cpu", "--collect");
        Map<String, Row> preds = byUuid(out.resolve("predictions.parquet"),
                List.of("uuid", "status", "n_animal_detected", "is_empty", "detections"));
        // red: mean red of the letterbox (1 + 114/255) / 2 = 0.7235, minus 0.25 -> the centre animal box
        // (160,160)-(480,480) of the 640 letterbox = x 250..750, y 0..500 of the 1000x500 image
        Row red = preds.get("red");
        assertEquals("ok", red.string("status"));
        assertEquals(1, ((Number) red.value("n_animal_detected")).intValue());
        assertEquals(false, red.value("is_empty"));
        Map<?, ?> det = (Map<?, ?>) ((List<?>) red.value("detections")).get(0);
        assertEquals("1", det.get("category"));
        List<?> bbox = (List<?>) det.get("bbox");
        float[] expected = {0.25f, 0f, 0.5f, 1f};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], ((Number) bbox.get(i)).floatValue(), 1e-6f, "bbox " + bbox);
        }
        Row dark = preds.get("dark");
        assertEquals(true, dark.value("is_empty"));
        assertTrue(((List<?>) dark.value("detections")).isEmpty());
        assertTrue(!"ok".equals(preds.get("broken").string("status")));

        tol("export", "megadetector-json", out.toString());
        JsonNode json = Json.mapper().readTree(out.resolve("megadetector.json").toFile());
        assertEquals("1.4", json.get("info").get("format_version").asText());
        assertEquals("animal", json.get("detection_categories").get("1").asText());
        Map<String, JsonNode> images = new HashMap<>();
        json.get("images").forEach(n -> images.put(n.get("file").asText(), n));
        assertEquals(3, images.size());
        JsonNode redJson = images.get("red").get("detections").get(0);
        assertEquals("1", redJson.get("category").asText());
        assertEquals(0.25, redJson.get("bbox").get(0).asDouble(), 0);
        assertEquals(0.5, redJson.get("bbox").get(2).asDouble(), 0);
        assertEquals(0, images.get("dark").get("detections").size());
        assertTrue(images.get("broken").get("detections").isNull());
        assertTrue(images.get("broken").get("failure").asText().length() > 0);
        assertNull(images.get("red").get("failure"));
    }

    @Test
    void facesDemoFindsTheRedFace() throws Exception {
        Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
        rows.put("face", new Object[] {bgr(1440, 720, new int[] {0, 0, 0}, new int[] {400, 200, 52, 26}, new int[] {255, 0, 0}), 1440, 720});
        rows.put("none", new Object[] {bgr(1440, 720, new int[] {0, 0, 0}, null, null), 1440, 720});
        Path in = images(rows);
        Path nets = dir.resolve("mtcnn");
        tol("models", "demo", "faces", "--out", nets.toString());
        Path out = dir.resolve("faces-out");
        tol("filter", "faces", "--input", in.toString(), "--output", out.toString(), "--models-dir", nets.toString(),
                "--device", "cpu", "--collect");
        Map<String, Row> preds = byUuid(out.resolve("predictions.parquet"),
                List.of("uuid", "status", "pred_label", "pred_score", "n_faces", "faces"));
        Row face = preds.get("face");
        assertEquals(true, face.value("pred_label"));
        assertEquals(1, ((Number) face.value("n_faces")).intValue());
        assertTrue(((Number) face.value("pred_score")).floatValue() > 0.985f);
        List<?> box = (List<?>) ((Map<?, ?>) ((List<?>) face.value("faces")).get(0)).get("box");
        float cx = (((Number) box.get(0)).floatValue() + ((Number) box.get(2)).floatValue()) / 2;
        // the 52x26 rectangle is a 26 px square at (200, 200) in the 720x720 working image: centre x 426 in the original
        assertEquals(426f, cx, 6f, "box " + box);
        Row none = preds.get("none");
        assertEquals(false, none.value("pred_label"));
        assertEquals(0, ((Number) none.value("n_faces")).intValue());
    }
}
