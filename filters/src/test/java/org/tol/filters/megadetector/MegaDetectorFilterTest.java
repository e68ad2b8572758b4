package org.tol.filters.megadetector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tol.api.TolException;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.Tensor;
import org.tol.filters.testing.FakeModel;

/** The filter around a fake end-to-end detector that returns planted rows for every image. */
class MegaDetectorFilterTest {
    /** Rows x1, y1, x2, y2, score, class in 640-letterbox pixels. */
    private static final float[] PLANTED = {
        64, 192, 128, 224, 0.9f, 0, // animal, (100,50)-(200,100) in a 1000x500 image
        320, 160, 640, 480, 0.3f, 1, // person, the right half
        0, 160, 64, 200, 0.1f, 0, // weak animal: stored, not counted at conf 0.2
        0, 0, 10, 10, 0.001f, 2, // below --keep-boxes-above
    };

    private static FakeModel detector(long[] declaredOutput) {
        return new FakeModel(new long[] {-1, 3, 640, 640}, List.of(declaredOutput), x -> {
            int n = (int) x.dim(0);
            float[] d = new float[n * PLANTED.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(PLANTED, 0, d, i * PLANTED.length, PLANTED.length);
            }
            return List.of(new Tensor(d, new long[] {n, 4, 6}));
        });
    }

    private static RgbImage image(int w, int h) {
        return new RgbImage(w, h, new byte[w * h * 3]);
    }

    @Test
    void plantedBoxesComeBackInOriginalCoordinatesWithCounts() throws Exception {
        MegaDetectorFilter f = new MegaDetectorFilter(detector(new long[] {-1, 4, 6}), MegaDetectorOptions.defaults(), "x");
        assertEquals("end-to-end", f.decoder().layout());
        List<RowResult> rows = f.infer(List.of(f.prepare(image(1000, 500))));
        Map<String, Object> v = rows.get(0).values();
        assertEquals(1L, v.get("n_animal_detected"));
        assertEquals(1, v.get("n_person"));
        assertEquals(0, v.get("n_vehicle"));
        assertEquals(0.9f, v.get("max_animal_conf"));
        assertEquals(false, v.get("is_empty"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dets = (List<Map<String, Object>>) v.get("detections");
        assertEquals(3, dets.size());
        assertEquals("1", dets.get(0).get("category"));
        assertEquals(0.9f, dets.get(0).get("conf"));
        assertBbox(List.of(0.1f, 0.1f, 0.1f, 0.1f), dets.get(0).get("bbox"));
        assertEquals("2", dets.get(1).get("category"));
        assertBbox(List.of(0.5f, 0f, 0.5f, 1f), dets.get(1).get("bbox"));
        assertEquals("1", dets.get(2).get("category"));
        assertEquals(0.1f, dets.get(2).get("conf"));
    }

    @Test
    void higherConfMakesTheImageEmptyButKeepsTheBoxes() throws Exception {
        MegaDetectorFilter f = new MegaDetectorFilter(detector(new long[] {-1, 4, 6}),
                new MegaDetectorOptions(640, 0.95f, null, 0.005f), "x");
        Map<String, Object> v = f.infer(List.of(f.prepare(image(1000, 500)))).get(0).values();
        assertEquals(0L, v.get("n_animal_detected"));
        assertEquals(true, v.get("is_empty"));
        assertEquals(0.9f, v.get("max_animal_conf"));
        assertEquals(3, ((List<?>) v.get("detections")).size());
    }

    @Test
    void anAnimalAtExactly02DoesNotCountAndTheImageIsEmpty() throws Exception {
        float[] rows = {
            64, 192, 128, 224, 0.2f, 0, // animal at exactly the threshold: ultralytics keeps conf > 0.2 only
            70, 192, 128, 224, Math.nextUp(0.2f), 1, // a person just above it counts
        };
        FakeModel m = new FakeModel(new long[] {-1, 3, 640, 640}, List.of(new long[] {-1, 2, 6}), x -> {
            int n = (int) x.dim(0);
            float[] d = new float[n * rows.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows, 0, d, i * rows.length, rows.length);
            }
            return List.of(new Tensor(d, new long[] {n, 2, 6}));
        });
        MegaDetectorFilter f = new MegaDetectorFilter(m, MegaDetectorOptions.defaults(), "x");
        Map<String, Object> v = f.infer(List.of(f.prepare(image(1000, 500)))).get(0).values();
        assertEquals(0L, v.get("n_animal_detected"));
        assertEquals(1, v.get("n_person"));
        assertEquals(true, v.get("is_empty"));
        // stored boxes follow the same strict rule: with --keep-boxes-above 0.2 the animal box is not stored
        MegaDetectorFilter strict = new MegaDetectorFilter(m, new MegaDetectorOptions(640, 0.2f, null, 0.2f), "x");
        List<?> dets = (List<?>) strict.infer(List.of(strict.prepare(image(1000, 500)))).get(0).values().get("detections");
        assertEquals(1, dets.size());
        assertEquals("2", ((Map<?, ?>) dets.get(0)).get("category"));
    }

    @Test
    void dynamicOutputShapeIsProbedOnceAtStartup() throws Exception {
        FakeModel m = detector(new long[] {-1, -1, -1});
        new MegaDetectorFilter(m, MegaDetectorOptions.defaults(), "x");
        assertEquals(1, m.calls.size());
        assertEquals(List.of(1L, 3L, 640L, 640L), java.util.Arrays.stream(m.calls.get(0)).boxed().toList());
    }

    @Test
    void unknownLayoutFailsAtStartupNamingTheShape() {
        FakeModel m = new FakeModel(new long[] {-1, 3, 640, 640}, List.of(new long[] {-1, 84, 8400}), x -> List.of());
        TolException e = assertThrows(TolException.class,
                () -> new MegaDetectorFilter(m, MegaDetectorOptions.defaults(), "x"));
        assertTrue(e.getMessage().contains("[-1, 84, 8400]"), e.getMessage());
    }

    @Test
    void wrongInputSizeFailsAtStartup() {
        FakeModel m = detector(new long[] {-1, 4, 6});
        TolException e = assertThrows(TolException.class,
                () -> new MegaDetectorFilter(m, new MegaDetectorOptions(1280, 0.2f, null, 0.005f), "x"));
        assertTrue(e.getMessage().contains("1280"), e.getMessage());
    }

    @Test
    void nonFiniteOutputFailsOnlyThatRow() throws Exception {
        FakeModel m = new FakeModel(new long[] {-1, 3, 640, 640}, List.of(new long[] {-1, 1, 6}), x -> {
            int n = (int) x.dim(0);
            float[] d = new float[n * 6];
            for (int i = 0; i < n; i++) {
                float[] row = i == 0 ? new float[] {Float.NaN, 0, 10, 10, 0.9f, 0} : new float[] {0, 0, 10, 10, 0.9f, 0};
                System.arraycopy(row, 0, d, i * 6, 6);
            }
            return List.of(new Tensor(d, new long[] {n, 1, 6}));
        });
        MegaDetectorFilter f = new MegaDetectorFilter(m, MegaDetectorOptions.defaults(), "x");
        List<RowResult> rows = f.infer(List.of(f.prepare(image(64, 64)), f.prepare(image(64, 64))));
        assertEquals("nan_output", rows.get(0).status());
        assertTrue(rows.get(1).isOk());
    }

    private static void assertBbox(List<Float> expected, Object actual) {
        List<?> a = (List<?>) actual;
        for (int i = 0; i < 4; i++) {
            assertEquals(expected.get(i), (Float) a.get(i), 1e-6f, "bbox[" + i + "]");
        }
    }

    @Test
    void fixedBatchExportsRunInPaddedChunks() throws Exception {
        FakeModel fixed = new FakeModel(new long[] {2, 3, 640, 640}, List.of(new long[] {2, 4, 6}), x -> {
            assertEquals(2, x.dim(0), "the model only takes batches of 2");
            return detector(new long[] {2, 4, 6}).run(List.of(x));
        });
        MegaDetectorFilter f = new MegaDetectorFilter(fixed, MegaDetectorOptions.defaults(), "x");
        List<RowResult> rows = f.infer(List.of(f.prepare(image(1000, 500)), f.prepare(image(1000, 500)), f.prepare(image(1000, 500))));
        assertEquals(3, rows.size());
        assertEquals(2, fixed.calls.size());
        rows.forEach(r -> assertEquals(1L, r.values().get("n_animal_detected")));
    }
}
