package org.tol.filters.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.filters.demo.DemoClipModel;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import org.tol.models.supportset.SupportVector;

/**
 * The clip filter on both engines with tiny CLIP-signature models — an ONNX file written here and the committed
 * TorchScript archive (models/testdata/make_tiny_clip_torchscript.py) — against an independent computation.
 */
class ClipFilterTest {
    @TempDir Path dir;

    /** The tiny model's maths (see make_tiny_clip_torchscript.py): W[m,k] = ((7m+3k) mod 11 - 5)/10, B[k] = k/10 - 0.1. */
    static float[] tinyWeights() {
        float[] w = new float[27 * 4];
        for (int m = 0; m < 27; m++) {
            for (int k = 0; k < 4; k++) {
                w[m * 4 + k] = (float) ((Math.floorMod(m * 7 + k * 3, 11) - 5) / 10.0);
            }
        }
        return w;
    }

    static float[] tinyBias() {
        return new float[] {-0.1f, 0f, 0.1f, 0.2f};
    }

    /** Independent embedding of a prepared [3,336,336] tensor: 3x3 cell means times W plus B, in double. */
    static double[] tinyEmbedding(float[] t) {
        double[] pooled = new double[27];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 336; y++) {
                for (int x = 0; x < 336; x++) {
                    pooled[c * 9 + (y / 112) * 3 + x / 112] += t[c * 336 * 336 + y * 336 + x] / (112.0 * 112.0);
                }
            }
        }
        float[] w = tinyWeights();
        double[] e = new double[4];
        for (int k = 0; k < 4; k++) {
            e[k] = tinyBias()[k];
            for (int m = 0; m < 27; m++) {
                e[k] += pooled[m] * w[m * 4 + k];
            }
        }
        return e;
    }

    private Path supportSet(int dim) throws Exception {
        Random r = new Random(11);
        List<SupportVector> v = new ArrayList<>();
        for (String label : List.of("specimen", "text/0", "text/1", "landscape", "microscope")) {
            double[] d = new double[dim];
            for (int i = 0; i < dim; i++) {
                d[i] = r.nextGaussian() * 10;
            }
            v.add(new SupportVector(label, new long[] {1, dim}, DType.FLOAT64, d));
        }
        Path f = dir.resolve("support" + dim + ".pt");
        SupportSets.write(new SupportSet(v, "test"), f);
        return f;
    }

    private static List<RgbImage> images() {
        List<RgbImage> list = new ArrayList<>();
        int[][] sizes = {{400, 300}, {300, 500}, {336, 336}, {120, 90}, {720, 540}, {640, 480}};
        for (int i = 0; i < sizes.length; i++) {
            RgbImage p = ClipPreprocessorTest.pattern(sizes[i][0], sizes[i][1]);
            byte[] px = p.pixels().clone();
            for (int j = 0; j < px.length; j += 3) { // vary the colour balance so predictions differ
                px[j + i % 3] = (byte) Math.min(255, (px[j + i % 3] & 0xff) + 40 * i);
            }
            list.add(new RgbImage(p.width(), p.height(), px));
        }
        return list;
    }

    private void checkAgainstIndependent(ClipFilter f, Path supportFile, double tol) throws Exception {
        SupportSet set = SupportSets.read(supportFile);
        List<RgbImage> imgs = images();
        List<float[]> prepared = new ArrayList<>();
        for (RgbImage img : imgs) {
            prepared.add(f.prepare(img));
        }
        List<RowResult> results = f.infer(prepared);
        assertEquals(imgs.size(), results.size());
        java.util.Set<Object> predicted = new java.util.HashSet<>();
        for (int i = 0; i < imgs.size(); i++) {
            double[] e = tinyEmbedding(new ClipPreprocessor().prepare(imgs.get(i)));
            double en = Math.sqrt(e[0] * e[0] + e[1] * e[1] + e[2] * e[2] + e[3] * e[3]);
            int best = -1;
            double bestScore = -2;
            for (int k = 0; k < set.size(); k++) {
                SupportVector v = set.vectors().get(k);
                double dot = 0;
                for (int d = 0; d < 4; d++) {
                    dot += e[d] / en * v.values()[d] / v.norm();
                }
                if (dot > bestScore) {
                    bestScore = dot;
                    best = k;
                }
            }
            RowResult r = results.get(i);
            assertTrue(r.isOk(), r.toString());
            assertEquals(set.labels().get(best), r.values().get("pred_label"), "image " + i);
            assertEquals(bestScore, (Double) r.values().get("pred_score"), tol, "image " + i);
            predicted.add(r.values().get("pred_label"));
        }
        assertTrue(predicted.size() >= 2, "test images should not all get one label: " + predicted);
    }

    @Test
    void onnxEngineEndToEnd() throws Exception {
        Path model = DemoClipModel.linearOverPooledCells(336, 112, tinyWeights(), tinyBias(), false)
                .write(dir.resolve("tiny.onnx"));
        Path support = supportSet(4);
        try (ClipFilter f = new ClipFilter(ClipConfig.of(model, support), Device.CPU)) {
            assertEquals(List.of("pred_label", "pred_score"), f.outputColumns().stream().map(c -> c.name()).toList());
            assertEquals("onnx", f.fingerprint().get("engine"));
            checkAgainstIndependent(f, support, 1e-5);
        }
    }

    @Test
    void onnxFp16ModelEndToEnd() throws Exception {
        Path model = DemoClipModel.linearOverPooledCells(336, 112, tinyWeights(), tinyBias(), true)
                .write(dir.resolve("tiny16.onnx"));
        Path support = supportSet(4);
        try (ClipFilter f = new ClipFilter(ClipConfig.of(model, support), Device.CPU)) {
            checkAgainstIndependent(f, support, 3e-3); // fp16 input rounding: ~1e-3 relative
        }
    }

    static Path tinyTorchScript() {
        String repo = System.getProperty("tol.repo");
        Path p = repo == null ? null : Path.of(repo, "models/src/test/resources/models/tiny_clip_encode_image.pt");
        assumeTrue(p != null && Files.isRegularFile(p), "tiny TorchScript archive not found (tol.repo=" + repo + ")");
        return p;
    }

    @Test
    void djlEngineEndToEndPickedByFileType() throws Exception {
        Path support = supportSet(4);
        ClipConfig cfg = new ClipConfig(tinyTorchScript(), null, null, support, 3, true, false, 336);
        try (ClipFilter f = new ClipFilter(cfg, Device.CPU)) {
            assertEquals("djl", f.fingerprint().get("engine"));
            assertEquals("encode_image", f.fingerprint().get("method"));
            assertEquals(List.of("pred_label", "pred_score", "top_labels", "top_scores", "embedding"),
                    f.outputColumns().stream().map(c -> c.name()).toList());
            checkAgainstIndependent(f, support, 1e-5);
            RgbImage img = images().get(0);
            RowResult r = f.infer(List.of(f.prepare(img))).get(0);
            @SuppressWarnings("unchecked")
            List<Float> scores = (List<Float>) r.values().get("top_scores");
            assertEquals(3, scores.size());
            assertTrue(scores.get(0) >= scores.get(1) && scores.get(1) >= scores.get(2));
            assertEquals(r.values().get("pred_score"), (double) scores.get(0)); // the float32 score, stored as double
            @SuppressWarnings("unchecked")
            List<Float> emb = (List<Float>) r.values().get("embedding");
            double[] expected = tinyEmbedding(new ClipPreprocessor().prepare(img));
            for (int d = 0; d < 4; d++) {
                assertEquals(expected[d], emb.get(d), 1e-4);
            }
        }
    }

    @Test
    void wrongSignaturesFailAtStartUpNamingShapes() throws Exception {
        Path model224 = DemoClipModel.linearOverPooledCells(224, 112, new float[12 * 4], new float[4], false)
                .write(dir.resolve("m224.onnx"));
        TolException e = assertThrows(TolException.class,
                () -> new ClipFilter(ClipConfig.of(model224, supportSet(4)), Device.CPU));
        assertTrue(e.getMessage().contains("expected [N,3,336,336]") && e.getMessage().contains("[-1,3,224,224]"),
                e.getMessage());
        Path onnx = DemoClipModel.linearOverPooledCells(336, 112, tinyWeights(), tinyBias(), false)
                .write(dir.resolve("tiny.onnx"));
        TolException d = assertThrows(TolException.class, () -> new ClipFilter(ClipConfig.of(onnx, supportSet(5)), Device.CPU));
        assertTrue(d.getMessage().contains("expected [N,5]") && d.getMessage().contains("[-1,4]"), d.getMessage());
        TolException p = assertThrows(TolException.class,
                () -> new ClipFilter(ClipConfig.of(tinyTorchScript(), supportSet(5)), Device.CPU));
        assertTrue(p.getMessage().contains("expected [N,5]") && p.getMessage().contains("gave [1,4]"), p.getMessage());
    }

    @Test
    void nanAndInfiniteEmbeddingsBecomeRowStatus() throws Exception {
        ClipClassifier c = new ClipClassifier(SupportSets.read(supportSet(4)), 1, false);
        RowResult nan = c.classify(new float[] {1, Float.NaN, 0, 0}, 0);
        RowResult inf = c.classify(new float[] {0, 0, Float.POSITIVE_INFINITY, 1}, 0);
        RowResult zero = c.classify(new float[4], 0);
        for (RowResult r : List.of(nan, inf, zero)) {
            assertEquals(ClipClassifier.NAN_EMBEDDING, r.status());
        }
        assertTrue(c.classify(new float[] {1, 2, 3, 4}, 0).isOk());
    }

    @Test
    void topIndicesKeepLabelOrderOnTies() {
        assertEquals(List.of(1, 0, 3), toList(ClipClassifier.topIndices(new float[] {0.5f, 0.9f, 0.1f, 0.5f}, 3)));
        assertEquals(List.of(0), toList(ClipClassifier.topIndices(new float[] {0.7f, 0.7f}, 1)));
    }

    private static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
