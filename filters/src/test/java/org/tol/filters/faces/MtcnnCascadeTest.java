package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tol.api.TolException;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.Tensor;
import org.tol.filters.testing.FakeModel;

/**
 * The cascade with fake nets whose outputs are planted, so every box is worked by hand. P-Net fires only on
 * the first pyramid level (433 px, scale 0.6) of image 0, at cell (row 10, col 20): box
 * floor(41/0.6f)=68, 35, floor(52/0.6f)=86, 53 (18 x 18, already square). R-Net passes it with
 * regression dx1 = 0.1: x1 = 68 + 0.1 * 19 = 69.9, then squaring to side 18: x1 = 69.9 + 8.05 - 9 =
 * 68.95, x2 = 86.95. O-Net scores 0.995 with zero regression and landmarks at 0.5: 19 * 0.5 + 68.95 - 1 =
 * 77.45 and 19 * 0.5 + 35 - 1 = 43.5.
 */
class MtcnnCascadeTest {
    static FakeModel pnet(int fireImage, int fireRow, int fireCol) {
        return new FakeModel(new long[] {-1, 3, -1, -1}, List.of(), x -> {
            int n = (int) x.dim(0);
            int oh = (int) (x.dim(2) - 12) / 2 + 1;
            int ow = (int) (x.dim(3) - 12) / 2 + 1;
            float[] reg = new float[n * 4 * oh * ow];
            float[] prob = new float[n * 2 * oh * ow];
            for (int i = 0; i < n; i++) {
                Arrays.fill(prob, i * 2 * oh * ow, i * 2 * oh * ow + oh * ow, 1f);
            }
            if (x.dim(2) == 433 && fireImage < n) {
                int cell = fireImage * 2 * oh * ow + oh * ow + fireRow * ow + fireCol;
                prob[cell] = 0.99f;
                prob[cell - oh * ow] = 0.01f;
            }
            return List.of(new Tensor(prob, new long[] {n, 2, oh, ow}), new Tensor(reg, new long[] {n, 4, oh, ow}));
        });
    }

    static FakeModel rnet(float score, float dx1) {
        return new FakeModel(new long[] {-1, 3, 24, 24}, List.of(), x -> {
            int n = (int) x.dim(0);
            float[] reg = new float[n * 4];
            float[] prob = new float[n * 2];
            for (int i = 0; i < n; i++) {
                reg[i * 4] = dx1;
                prob[i * 2] = 1 - score;
                prob[i * 2 + 1] = score;
            }
            return List.of(new Tensor(reg, new long[] {n, 4}), new Tensor(prob, new long[] {n, 2}));
        });
    }

    static FakeModel onet(float score) {
        return new FakeModel(new long[] {-1, 3, 48, 48}, List.of(), x -> {
            int n = (int) x.dim(0);
            float[] pts = new float[n * 10];
            Arrays.fill(pts, 0.5f);
            float[] prob = new float[n * 2];
            for (int i = 0; i < n; i++) {
                prob[i * 2] = 1 - score;
                prob[i * 2 + 1] = score;
            }
            return List.of(new Tensor(prob, new long[] {n, 2}), new Tensor(new float[n * 4], new long[] {n, 4}),
                    new Tensor(pts, new long[] {n, 10}));
        });
    }

    private static RgbImage gray(int w, int h) {
        byte[] px = new byte[w * h * 3];
        Arrays.fill(px, (byte) 128);
        return new RgbImage(w, h, px);
    }

    @Test
    void plantedCellComesOutAsAFaceWithLandmarks() throws Exception {
        FakeModel r = rnet(0.99f, 0.1f);
        FakeModel o = onet(0.995f);
        FaceFilter filter = new FaceFilter(new MtcnnNets(pnet(0, 10, 20), r, o), MtcnnOptions.defaults(), "test");
        List<FaceInput> batch = List.of(filter.prepare(gray(720, 720)), filter.prepare(gray(720, 720)));
        List<List<Face>> faces = new MtcnnCascade(new MtcnnNets(pnet(0, 10, 20), r, o), MtcnnOptions.defaults()).detect(batch);
        assertEquals(1, faces.get(0).size());
        assertTrue(faces.get(1).isEmpty());
        Face f = faces.get(0).get(0);
        assertArrayEquals(new float[] {68.95f, 35, 86.95f, 53}, f.box(), 1e-4f);
        assertEquals(0.995f, f.prob());
        assertArrayEquals(new float[] {77.45f, 77.45f, 77.45f, 77.45f, 77.45f, 43.5f, 43.5f, 43.5f, 43.5f, 43.5f},
                f.landmarks(), 1e-4f);
    }

    @Test
    void filterMapsFacesToOriginalPixelsAndAppliesTheScoreRule() throws Exception {
        FaceFilter filter = new FaceFilter(new MtcnnNets(pnet(0, 10, 20), rnet(0.99f, 0.1f), onet(0.995f)),
                MtcnnOptions.defaults(), "test");
        // 1440 x 360 original: x doubles, y quarters (720 / 360 = 2, 360 / 720 = 0.5)
        List<RowResult> rows = filter.infer(List.of(filter.prepare(gray(1440, 360)), filter.prepare(gray(10, 10))));
        Map<String, Object> v = rows.get(0).values();
        assertEquals(true, v.get("pred_label"));
        assertEquals((double) 0.995f, v.get("pred_score")); // the float32 mean, stored as double
        assertEquals(1, v.get("n_faces"));
        @SuppressWarnings("unchecked")
        Map<String, Object> face = ((List<Map<String, Object>>) v.get("faces")).get(0);
        assertEquals(List.of(137.9f, 17.5f, 173.9f, 26.5f), round(face.get("box")));
        Map<String, Object> empty = rows.get(1).values();
        assertEquals(false, empty.get("pred_label"));
        assertEquals(0.0, empty.get("pred_score"));
        assertEquals(0, empty.get("n_faces"));
    }

    @Test
    void meanAtOrBelowTheScoreRuleScoresZero() throws Exception {
        FaceFilter filter = new FaceFilter(new MtcnnNets(pnet(0, 10, 20), rnet(0.99f, 0f), onet(0.96f)),
                MtcnnOptions.defaults(), "test");
        Map<String, Object> v = filter.infer(List.of(filter.prepare(gray(720, 720)))).get(0).values();
        assertEquals(1, v.get("n_faces")); // passes O-Net (0.96 > 0.95) ...
        assertEquals(0.0, v.get("pred_score")); // ... but 0.96 <= 0.985
        assertFalse((Boolean) v.get("pred_label"));
    }

    @Test
    void refineNetBatchesAreCappedAcrossImages() throws Exception {
        FakeModel r = rnet(0.99f, 0f);
        MtcnnOptions capped = new MtcnnOptions(20, 0.709, new float[] {0.9f, 0.95f, 0.95f}, 0.985f, 2, 720);
        // one firing cell per image, three images: three R-Net candidates, at most 2 per forward pass
        FakeModel p = new FakeModel(new long[] {-1, 3, -1, -1}, List.of(), x -> {
            List<Tensor> out = pnet(99, 0, 0).run(List.of(x));
            if (x.dim(2) == 433) {
                int oh = (int) out.get(0).dim(2);
                int ow = (int) out.get(0).dim(3);
                for (int i = 0; i < x.dim(0); i++) {
                    out.get(0).data()[i * 2 * oh * ow + oh * ow + 5 * ow + 5] = 0.99f;
                }
            }
            return out;
        });
        FaceFilter filter = new FaceFilter(new MtcnnNets(p, r, onet(0.99f)), capped, "test");
        r.calls.clear();
        FaceInput in = filter.prepare(gray(720, 720));
        List<RowResult> rows = filter.infer(List.of(in, in, in));
        assertEquals(List.of(2L, 1L), r.calls.stream().map(s -> s[0]).toList());
        rows.forEach(row -> assertEquals(1, row.values().get("n_faces")));
    }

    @Test
    void netsWithTheWrongSignatureFailAtStartup() {
        FakeModel badR = new FakeModel(new long[] {-1, 3, 24, 24}, List.of(),
                x -> List.of(new Tensor(new float[(int) x.dim(0) * 3], new long[] {x.dim(0), 3})));
        TolException e = assertThrows(TolException.class, () -> new MtcnnNets(pnet(0, 0, 0), badR, onet(1f)));
        assertTrue(e.getMessage().startsWith("R-Net returned"), e.getMessage());
    }

    private static List<Float> round(Object floats) {
        return ((List<?>) floats).stream().map(f -> Math.round((Float) f * 1000) / 1000f).toList();
    }
}
