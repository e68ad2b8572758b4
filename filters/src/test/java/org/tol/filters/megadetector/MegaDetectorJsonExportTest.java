package org.tol.filters.megadetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;

class MegaDetectorJsonExportTest {
    @TempDir Path dir;

    @Test
    void roundsLikeMegaDetector() {
        assertEquals(new BigDecimal("0.9"), MegaDetectorJsonExport.round(0.8999f, 3));
        assertEquals(new BigDecimal("0.123"), MegaDetectorJsonExport.round(0.12345f, 3));
        assertEquals(new BigDecimal("0.1235"), MegaDetectorJsonExport.round(0.12345f, 4));
        assertEquals(BigDecimal.ZERO, MegaDetectorJsonExport.round(0f, 4).stripTrailingZeros());
    }

    @Test
    void writesImagesFailuresAndThresholdedDetections() throws Exception {
        List<Column> cols = new ArrayList<>(List.of(Column.string("uuid"), Column.string("status"), Column.string("error")));
        cols.addAll(MegaDetectorColumns.COLUMNS);
        Path preds = dir.resolve("predictions.parquet");
        try (ParquetRowWriter w = ParquetRowWriter.create(preds, cols)) {
            List<Detection> dets = List.of(new Detection(0, 0.91234f, 64, 192, 128, 224), new Detection(2, 0.01f, 0, 160, 64, 480));
            Map<String, Object> ok = new LinkedHashMap<>(MegaDetectorColumns.row(dets, LetterboxGeometry.of(1000, 500, 640), 0.2f, 0.005f));
            ok.put("uuid", "a");
            ok.put("status", "ok");
            w.write(ok);
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("uuid", "b");
            bad.put("status", "corrupt_image");
            bad.put("error", "truncated");
            w.write(bad);
            w.commit();
        }
        Path out = dir.resolve("md.json");
        MegaDetectorJsonExport.Result r = MegaDetectorJsonExport.export(preds, out, Map.of("conf", "0.2"), 0.05f);
        assertEquals(new MegaDetectorJsonExport.Result(2, 1, 1), r);
        JsonNode json = Json.mapper().readTree(out.toFile());
        assertEquals(0.2, json.get("info").get("detector_metadata").get("typical_detection_threshold").asDouble(), 0);
        JsonNode a = json.get("images").get(0);
        assertEquals("a", a.get("file").asText());
        assertEquals(1, a.get("detections").size()); // the 0.01 vehicle is below --threshold 0.05
        assertEquals("0.912", a.get("detections").get(0).get("conf").asText());
        assertEquals("[0.1,0.1,0.1,0.1]", a.get("detections").get(0).get("bbox").toString());
        JsonNode b = json.get("images").get(1);
        assertEquals("corrupt_image: truncated", b.get("failure").asText());
        assertTrue(b.get("detections").isNull());
    }

    @Test
    void missingPredictionsIsAUserError() {
        TolException e = assertThrows(TolException.class,
                () -> MegaDetectorJsonExport.export(dir.resolve("none.parquet"), dir.resolve("x.json"), Map.of(), 0f));
        assertTrue(e.hint().contains("tol collect"));
    }
}
