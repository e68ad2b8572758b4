package org.tol.filters.megadetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.filters.demo.PlantedDetectorModel;
import org.tol.models.onnx.OrtEngine;

/**
 * The filter on ONNX Runtime with planted detectors written by {@link PlantedDetectorModel}. A 1000x500
 * image is letterboxed at 640 into 640x320 at top 160, so half the letterbox is the image and half is
 * padding 114/255: a pure red image has mean red (1 + 114/255) / 2 = 0.723529, mean green 0.223529; a
 * black one mean red 0.223529. Scores are those means plus the row biases.
 */
class MegaDetectorOnnxTest {
    private static final float PAD = 114f / 255f;
    private static final float RED_MEAN = (1f + PAD) / 2f;

    @TempDir Path dir;

    private static RgbImage solid(int w, int h, int r, int g, int b) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            px[i * 3] = (byte) r;
            px[i * 3 + 1] = (byte) g;
            px[i * 3 + 2] = (byte) b;
        }
        return new RgbImage(w, h, px);
    }

    private MegaDetectorFilter filter(PlantedDetectorModel planted, PlantedDetectorModel.Layout layout) throws Exception {
        Path file = planted.write(dir.resolve(layout + ".onnx"), layout);
        InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu());
        return new MegaDetectorFilter(m, MegaDetectorOptions.defaults(), "test");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> detections(RowResult r) {
        return (List<Map<String, Object>>) r.values().get("detections");
    }

    @Test
    void endToEndModelReportsPlantedBoxInOriginalCoordinates() throws Exception {
        PlantedDetectorModel planted = new PlantedDetectorModel(640)
                .row(0, 64, 192, 128, 224, 0, -0.3f) // animal at (100,50)-(200,100): red - 0.3
                .row(1, 320, 160, 640, 480, 1, -0.3f); // person, right half: green - 0.3
        try (MegaDetectorFilter f = filter(planted, PlantedDetectorModel.Layout.END_TO_END)) {
            assertEquals("end-to-end", f.decoder().layout());
            List<RowResult> rows = f.infer(List.of(f.prepare(solid(1000, 500, 255, 0, 0)),
                    f.prepare(solid(1000, 500, 0, 0, 0)), f.prepare(solid(1000, 500, 0, 255, 0))));
            Map<String, Object> red = rows.get(0).values();
            assertEquals(1L, red.get("n_animal_detected"));
            assertEquals(0, red.get("n_person"));
            assertEquals(false, red.get("is_empty"));
            assertEquals(RED_MEAN - 0.3f, (Float) red.get("max_animal_conf"), 1e-3f); // ORT sums 409600 floats
            Map<String, Object> box = detections(rows.get(0)).get(0);
            assertEquals("1", box.get("category"));
            List<?> bbox = (List<?>) box.get("bbox");
            for (int i = 0; i < 4; i++) {
                assertEquals(0.1f, (Float) bbox.get(i), 1e-6f);
            }
            Map<String, Object> dark = rows.get(1).values();
            assertEquals(0L, dark.get("n_animal_detected"));
            assertEquals(true, dark.get("is_empty"));
            assertTrue(detections(rows.get(1)).isEmpty()); // both scores negative
            Map<String, Object> green = rows.get(2).values();
            assertEquals(true, green.get("is_empty"));
            assertEquals(1, green.get("n_person"));
            assertEquals(List.of(0.5f, 0f, 0.5f, 1f), detections(rows.get(2)).get(0).get("bbox"));
        }
    }

    /** Two overlapping animal boxes (IoU 58/70 = 0.83) and a vehicle on the first: NMS keeps one animal. */
    private static PlantedDetectorModel overlapping() {
        return new PlantedDetectorModel(640)
                .row(0, 64, 192, 128, 224, 0, -0.3f)
                .row(0, 70, 192, 134, 224, 0, -0.35f)
                .row(2, 64, 192, 128, 224, 0, -0.32f);
    }

    @Test
    void yolov5ModelRunsClassAwareNms() throws Exception {
        try (MegaDetectorFilter f = filter(overlapping(), PlantedDetectorModel.Layout.YOLOV5)) {
            assertEquals("yolov5", f.decoder().layout());
            Map<String, Object> v = f.infer(List.of(f.prepare(solid(1000, 500, 255, 0, 0)))).get(0).values();
            assertEquals(1L, v.get("n_animal_detected"));
            assertEquals(1, v.get("n_vehicle"));
            assertEquals(RED_MEAN - 0.3f, (Float) v.get("max_animal_conf"), 1e-3f);
        }
    }

    @Test
    void yolov8ModelRunsClassAwareNms() throws Exception {
        try (MegaDetectorFilter f = filter(overlapping(), PlantedDetectorModel.Layout.YOLOV8)) {
            assertEquals("yolov8", f.decoder().layout());
            List<RowResult> rows = f.infer(List.of(f.prepare(solid(1000, 500, 255, 0, 0)), f.prepare(solid(1000, 500, 0, 0, 0))));
            assertEquals(1L, rows.get(0).values().get("n_animal_detected"));
            assertEquals(1, rows.get(0).values().get("n_vehicle"));
            assertEquals(2, detections(rows.get(0)).size());
            assertEquals(true, rows.get(1).values().get("is_empty"));
            assertTrue(detections(rows.get(1)).isEmpty()); // dark: red mean - 0.3 < 0
        }
    }

    @Test
    void modelWithAnUnknownLayoutFailsAtStartup() throws Exception {
        // a YOLOv8-style head with 80 classes (COCO): [N, 84, A] is not a MegaDetector layout
        Path file = dir.resolve("coco.onnx");
        new org.tol.models.onnx.OnnxModelBuilder("coco")
                .input("images", org.tol.api.model.DType.FLOAT32, -1, 3, 640, 640)
                .initializer("table", new long[] {3, 84 * 5}, new float[3 * 84 * 5])
                .initializerInt64("shape", new long[] {3}, new long[] {-1, 84, 5})
                .node("GlobalAveragePool", List.of("images"), "p").done()
                .node("Flatten", List.of("p"), "f").attr("axis", 1L).done()
                .node("MatMul", List.of("f", "table"), "flat").done()
                .node("Reshape", List.of("flat", "shape"), "output0").done()
                .output("output0", org.tol.api.model.DType.FLOAT32, -1, 84, 5)
                .write(file);
        InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu());
        TolException e = assertThrows(TolException.class, () -> new MegaDetectorFilter(m, MegaDetectorOptions.defaults(), "t"));
        assertTrue(e.getMessage().contains("[-1, 84, 5]"), e.getMessage());
    }
}
