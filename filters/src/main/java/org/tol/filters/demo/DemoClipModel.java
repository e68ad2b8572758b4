package org.tol.filters.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tol.api.image.RgbImage;
import org.tol.api.model.DType;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.Tensor;
import org.tol.filters.clip.ClipPreprocessor;
import org.tol.models.onnx.OnnxModelBuilder;
import org.tol.models.onnx.OrtEngine;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import org.tol.models.supportset.SupportVector;

/**
 * Small ONNX models with the CLIP image-encoder signature ({@code image [N,3,S,S] -> embedding [N,D]}):
 * average pooling over a grid of cells, flatten, then a linear map. Used by the quickstart (a clearly
 * labelled DEMO model, not CLIP: its embeddings mean nothing semantically) and by tests, whose expected
 * outputs are easy to compute independently.
 */
public final class DemoClipModel {
    public static final String DEMO_NOTICE = "DEMO MODEL built by 'tol models demo clip': it has the CLIP "
            + "ViT-L/14@336 image-encoder signature but is NOT CLIP (pooled colours times a fixed random matrix); "
            + "use it to try the pipeline, never for real curation";

    private DemoClipModel() {}

    /**
     * Pools [N,3,S,S] in {@code cell}×{@code cell} cells, flattens to {@code 3*(S/cell)^2} features and maps
     * them with {@code weights} (row-major [features, dim]) plus {@code bias}; fp16 stores weights and I/O in
     * half precision.
     */
    public static OnnxModelBuilder linearOverPooledCells(int size, int cell, float[] weights, float[] bias, boolean fp16) {
        int grid = size / cell;
        int features = 3 * grid * grid;
        int dim = bias.length;
        if (size % cell != 0 || weights.length != features * dim) {
            throw new IllegalArgumentException("weights must be [" + features + ", " + dim + "] for size " + size
                    + " and cell " + cell);
        }
        DType t = fp16 ? DType.FLOAT16 : DType.FLOAT32;
        OnnxModelBuilder b = new OnnxModelBuilder("clip_image_encoder_demo").input("image", t, -1, 3, size, size)
                .output("embedding", t, -1, dim);
        if (fp16) {
            b.initializerFp16("proj", new long[] {features, dim}, weights).initializerFp16("bias", new long[] {dim}, bias);
        } else {
            b.initializer("proj", new long[] {features, dim}, weights).initializer("bias", new long[] {dim}, bias);
        }
        return b.node("AveragePool", List.of("image"), "pooled").attrInts("kernel_shape", cell, cell)
                .attrInts("strides", cell, cell).done()
                .node("Flatten", List.of("pooled"), "features").attr("axis", 1L).done()
                .node("Gemm", List.of("features", "proj", "bias"), "embedding").done();
    }

    /** Labels and RGB colours of the demo support set: one vector per colour, as the demo model embeds it. */
    private static final String[] DEMO_LABELS = {"demo: reddish", "demo: greenish", "demo: bluish", "demo: dark",
        "demo: bright", "demo: grey"};
    private static final int[][] DEMO_COLOURS = {{200, 60, 50}, {60, 180, 70}, {50, 80, 200}, {25, 25, 30},
        {235, 235, 225}, {128, 128, 128}};

    /**
     * Writes a support set for the demo model: the embeddings of solid-colour images (so {@code tol filter clip}
     * with the demo model labels images by their dominant colour). Computed by running {@code model} itself.
     */
    public static void writeDemoSupportSet(Path model, Path target) throws Exception {
        ClipPreprocessor pre = new ClipPreprocessor();
        List<SupportVector> vectors = new ArrayList<>();
        try (InferenceModel m = new OrtEngine().load(model, ModelOptions.cpu())) {
            for (int i = 0; i < DEMO_LABELS.length; i++) {
                byte[] px = new byte[16 * 16 * 3];
                for (int p = 0; p < px.length; p++) {
                    px[p] = (byte) DEMO_COLOURS[i][p % 3];
                }
                float[] t = pre.prepare(new RgbImage(16, 16, px));
                Tensor e = m.run(List.of(new Tensor(t, new long[] {1, 3, 336, 336}))).get(0);
                double[] v = new double[e.data().length];
                for (int j = 0; j < v.length; j++) {
                    v[j] = e.data()[j];
                }
                vectors.add(new SupportVector(DEMO_LABELS[i], new long[] {1, v.length}, DType.FLOAT64, v));
            }
        }
        SupportSets.write(new SupportSet(vectors, "demo"), target);
    }

    /** The quickstart's demo model: 336 px input, 7×7 grid of 48 px cells, 64-dim output, seeded weights. */
    public static Path writeDemo(Path target) throws IOException {
        int features = 3 * 7 * 7;
        int dim = 64;
        Random r = new Random(20240601L);
        float[] w = new float[features * dim];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() / Math.sqrt(features));
        }
        float[] bias = new float[dim];
        return linearOverPooledCells(336, 48, w, bias, false).docString(DEMO_NOTICE)
                .metadata("tol.demo", "true").metadata("tol.signature", "clip-image-encoder")
                .write(target);
    }
}
