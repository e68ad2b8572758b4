package org.tol.filters.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tol.api.model.DType;
import org.tol.filters.faces.MtcnnNets;
import org.tol.models.onnx.OnnxModelBuilder;

/**
 * Writes three tiny ONNX nets with facenet-pytorch's MTCNN signatures for the quickstart and the
 * end-to-end tests. They "see a face" where the red channel is bright: P-Net is a 12x12 stride-2
 * convolution giving the face logit {@code gain * (mean normalised red - level)} (softmax over
 * [0, logit]); R-Net and O-Net do the same on the mean red of their crop, at their own level. Regression outputs are zero,
 * O-Net's landmarks are fixed fractions of the box. A bright-red square of side L in the 720x720 working
 * image is therefore found as one face of about L pixels.
 */
public final class PlantedMtcnnModels {
    /** Landmarks as fractions of the box: eyes, nose, mouth corners (x then y). */
    static final float[] LANDMARKS = {0.3f, 0.7f, 0.5f, 0.35f, 0.65f, 0.35f, 0.35f, 0.55f, 0.75f, 0.75f};

    private final float gain;
    private final float level;
    private final float refineLevel;

    /**
     * @param level normalised red level ((v - 127.5) / 128) above which a P-Net window is a face
     * @param refineLevel the same for the R-Net and O-Net crops (lower: their boxes carry some background)
     */
    public PlantedMtcnnModels(float gain, float level, float refineLevel) {
        this.gain = gain;
        this.level = level;
        this.refineLevel = refineLevel;
    }

    /** The nets of {@code tol models demo faces}: windows with mean red above ~243 (normalised 0.9) are faces. */
    public static PlantedMtcnnModels demo() {
        return new PlantedMtcnnModels(100f, 0.9f, 0.5f);
    }

    /** Writes pnet.onnx, rnet.onnx and onet.onnx into {@code dir}. */
    public void writeAll(Path dir) throws IOException {
        writePnet(dir.resolve("pnet.onnx"));
        writeStage(dir.resolve("rnet.onnx"), MtcnnNets.RNET_SIZE, false);
        writeStage(dir.resolve("onet.onnx"), MtcnnNets.ONET_SIZE, true);
    }

    void writePnet(Path file) throws IOException {
        float[] w = new float[2 * 3 * 12 * 12];
        Arrays.fill(w, 3 * 144, 4 * 144, gain / 144f); // output channel 1, input channel 0 (red)
        new OnnxModelBuilder("planted_pnet")
                .metadata("tol.demo", "planted MTCNN P-Net (bright red = face)")
                .input("input", DType.FLOAT32, -1, 3, -1, -1)
                .initializer("w", new long[] {2, 3, 12, 12}, w)
                .initializer("b", new long[] {2}, new float[] {0f, -gain * level})
                .initializer("wreg", new long[] {4, 3, 12, 12}, new float[4 * 3 * 144])
                .node("Conv", List.of("input", "w", "b"), "logits").attrInts("strides", 2, 2).done()
                .node("Softmax", List.of("logits"), "prob").attr("axis", 1L).done()
                .node("Conv", List.of("input", "wreg"), "reg").attrInts("strides", 2, 2).done()
                .output("reg", DType.FLOAT32, -1, 4, -1, -1)
                .output("prob", DType.FLOAT32, -1, 2, -1, -1)
                .write(file);
    }

    void writeStage(Path file, int size, boolean landmarks) throws IOException {
        OnnxModelBuilder b = new OnnxModelBuilder(landmarks ? "planted_onet" : "planted_rnet")
                .metadata("tol.demo", "planted MTCNN " + (landmarks ? "O-Net" : "R-Net") + " (bright red = face)")
                .input("input", DType.FLOAT32, -1, 3, size, size)
                .initializer("w", new long[] {3, 2}, new float[] {0f, gain, 0f, 0f, 0f, 0f})
                .initializer("b", new long[] {2}, new float[] {0f, -gain * refineLevel})
                .initializer("wreg", new long[] {3, 4}, new float[12])
                .initializer("breg", new long[] {4}, new float[4])
                .node("GlobalAveragePool", List.of("input"), "pooled").done()
                .node("Flatten", List.of("pooled"), "means").attr("axis", 1L).done()
                .node("Gemm", List.of("means", "w", "b"), "logits").done()
                .node("Softmax", List.of("logits"), "prob").attr("axis", 1L).done()
                .node("Gemm", List.of("means", "wreg", "breg"), "reg").done()
                .output("reg", DType.FLOAT32, -1, 4);
        if (landmarks) {
            b.initializer("wlm", new long[] {3, 10}, new float[30])
                    .initializer("blm", new long[] {10}, LANDMARKS)
                    .node("Gemm", List.of("means", "wlm", "blm"), "landmarks").done()
                    .output("landmarks", DType.FLOAT32, -1, 10);
        }
        b.output("prob", DType.FLOAT32, -1, 2).write(file);
    }
}
