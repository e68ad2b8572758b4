package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.ModelOptions;
import org.tol.filters.demo.PlantedMtcnnModels;
import org.tol.models.onnx.OrtEngine;

/**
 * The MTCNN filter on ONNX Runtime with planted nets ({@link PlantedMtcnnModels}: bright red = face). A
 * 1440x720 image with a red 44x22 rectangle at (400, 200) becomes a 22x22 square at (200, 200) in the
 * 720x720 working image: at scale 0.6 it spans ~13 px, so P-Net windows fit at one or two stride-2 offsets
 * and at no coarser scale; after the cascade one ~19 px face remains, mapped back with x2, y1.
 */
class FaceOnnxTest {
    @TempDir Path dir;

    private static RgbImage withRedRect(int w, int h, int x0, int y0, int rw, int rh) {
        byte[] px = new byte[w * h * 3];
        for (int y = y0; y < y0 + rh; y++) {
            for (int x = x0; x < x0 + rw; x++) {
                px[(y * w + x) * 3] = (byte) 255;
            }
        }
        return new RgbImage(w, h, px);
    }

    @Test
    void plantedFaceIsFoundInOriginalCoordinates() throws Exception {
        new PlantedMtcnnModels(100f, 0.8f, 0.5f).writeAll(dir);
        OrtEngine ort = new OrtEngine();
        MtcnnNets nets = new MtcnnNets(ort.load(dir.resolve("pnet.onnx"), ModelOptions.cpu()),
                ort.load(dir.resolve("rnet.onnx"), ModelOptions.cpu()), ort.load(dir.resolve("onet.onnx"), ModelOptions.cpu()));
        try (FaceFilter f = new FaceFilter(nets, MtcnnOptions.defaults(), "test")) {
            List<RowResult> rows = f.infer(List.of(
                    f.prepare(withRedRect(1440, 720, 400, 200, 44, 22)),
                    f.prepare(withRedRect(1440, 720, 0, 0, 0, 0)),
                    f.prepare(withRedRect(1440, 720, 400, 200, 16, 8)))); // 8 px in the working image: below min face
            Map<String, Object> face = rows.get(0).values();
            assertEquals(1, face.get("n_faces"));
            assertEquals(true, face.get("pred_label"));
            assertTrue((Double) face.get("pred_score") > 0.985);
            @SuppressWarnings("unchecked")
            Map<String, Object> first = ((List<Map<String, Object>>) face.get("faces")).get(0);
            List<?> box = (List<?>) first.get("box");
            float cx = ((Float) box.get(0) + (Float) box.get(2)) / 2;
            float cy = ((Float) box.get(1) + (Float) box.get(3)) / 2;
            assertEquals(422f, cx, 6f, "box " + box); // rectangle centre x 400 + 22, within 3 working px
            assertEquals(211f, cy, 3f, "box " + box);
            assertEquals(19f * 2, (Float) box.get(2) - (Float) box.get(0), 4f, "box " + box);
            List<?> lm = (List<?>) first.get("landmarks");
            assertEquals(10, lm.size());
            for (int k = 0; k < 5; k++) {
                float x = (Float) lm.get(k);
                float y = (Float) lm.get(5 + k);
                assertTrue(x >= (Float) box.get(0) - 2 && x <= (Float) box.get(2) + 2, "landmark x " + x);
                assertTrue(y >= (Float) box.get(1) - 1 && y <= (Float) box.get(3) + 1, "landmark y " + y);
            }
            for (int i = 1; i < 3; i++) {
                Map<String, Object> none = rows.get(i).values();
                assertEquals(0, none.get("n_faces"), "image " + i);
                assertEquals(false, none.get("pred_label"));
                assertEquals(0.0, none.get("pred_score"));
            }
        }
    }

    /** P-Net runs the big levels in parts (bounded memory): the faces are exactly those of whole-batch runs. */
    @Test
    void pnetInPartsFindsExactlyTheSameFaces() throws Exception {
        new PlantedMtcnnModels(100f, 0.8f, 0.5f).writeAll(dir);
        OrtEngine ort = new OrtEngine();
        MtcnnNets nets = new MtcnnNets(ort.load(dir.resolve("pnet.onnx"), ModelOptions.cpu()),
                ort.load(dir.resolve("rnet.onnx"), ModelOptions.cpu()), ort.load(dir.resolve("onet.onnx"), ModelOptions.cpu()));
        try (FaceFilter f = new FaceFilter(nets, MtcnnOptions.defaults(), "test")) {
            List<FaceInput> batch = new java.util.ArrayList<>();
            int[][] rects = {{400, 200, 44, 22}, {0, 0, 0, 0}, {10, 600, 120, 60}, {1300, 0, 140, 140}, {700, 300, 30, 90}};
            for (int[] r : rects) {
                RgbImage img = withRedRect(1440, 720, r[0], r[1], r[2], r[3]);
                // a second red patch in each image: several faces per image, over several levels
                for (int y = 500; y < 560; y++) {
                    for (int x = 900; x < 960; x++) {
                        img.pixels()[(y * 1440 + x) * 3] = (byte) 255;
                    }
                }
                batch.add(f.prepare(img));
            }
            List<List<Face>> whole = new MtcnnCascade(nets, MtcnnOptions.defaults(), Long.MAX_VALUE).detect(batch);
            assertTrue(whole.stream().mapToInt(List::size).sum() >= 6, "faces " + whole);
            for (long budget : new long[] {1, 3L << 20, MtcnnCascade.PNET_INPUT_BYTES}) {
                List<List<Face>> parts = new MtcnnCascade(nets, MtcnnOptions.defaults(), budget).detect(batch);
                assertEquals(whole.size(), parts.size());
                for (int i = 0; i < whole.size(); i++) {
                    assertEquals(whole.get(i).size(), parts.get(i).size(), "image " + i + ", budget " + budget);
                    for (int k = 0; k < whole.get(i).size(); k++) {
                        Face a = whole.get(i).get(k);
                        Face b = parts.get(i).get(k);
                        org.junit.jupiter.api.Assertions.assertArrayEquals(a.box(), b.box(), 0f);
                        assertEquals(a.prob(), b.prob(), 0f);
                        org.junit.jupiter.api.Assertions.assertArrayEquals(a.landmarks(), b.landmarks(), 0f);
                    }
                }
            }
        }
    }
}
