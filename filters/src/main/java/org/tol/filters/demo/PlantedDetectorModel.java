package org.tol.filters.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tol.api.model.DType;
import org.tol.filters.megadetector.DecoderSelector;
import org.tol.models.onnx.OnnxModelBuilder;

/**
 * Writes tiny ONNX "detectors" for the quickstart and the end-to-end tests: each row is a fixed box whose
 * confidence is the mean of one colour channel of the letterboxed input plus a bias, so which images are
 * empty is a simple, independently computable function of their colours. The rows can be emitted in any
 * of the three layouts the filter decodes (YOLOv5 raw, YOLOv8-style, end-to-end).
 *
 * <p>Graph: GlobalAveragePool -> Flatten -> MatMul (channel selection per row) + bias -> the score column
 * of a constant row table.
 */
public final class PlantedDetectorModel {
    /** One planted box: class (0 animal, 1 person, 2 vehicle), box in letterbox pixels, score = mean(channel) + bias. */
    public record Row(int classId, float x1, float y1, float x2, float y2, int channel, float bias) {}

    public enum Layout { YOLOV5, YOLOV8, END_TO_END }

    private final List<Row> rows = new ArrayList<>();
    private final int imageSize;

    public PlantedDetectorModel(int imageSize) {
        this.imageSize = imageSize;
    }

    public PlantedDetectorModel row(int classId, float x1, float y1, float x2, float y2, int channel, float bias) {
        rows.add(new Row(classId, x1, y1, x2, y2, channel, bias));
        return this;
    }

    /**
     * The demo detector of {@code tol models demo megadetector}: an animal box in the centre scored by the
     * red channel, a person box on the left scored by green, a vehicle box on the right scored by blue,
     * each mean minus 0.25, so strongly coloured pictures get a detection of that colour's class.
     */
    public static PlantedDetectorModel demo(int s) {
        return new PlantedDetectorModel(s)
                .row(0, s * 0.25f, s * 0.25f, s * 0.75f, s * 0.75f, 0, -0.25f)
                .row(1, 0, s * 0.1f, s * 0.3f, s * 0.9f, 1, -0.25f)
                .row(2, s * 0.7f, s * 0.4f, s, s * 0.8f, 2, -0.25f);
    }

    public Path write(Path file, Layout layout) throws IOException {
        int k = rows.size();
        int cols = switch (layout) {
            case YOLOV5 -> 5 + DecoderSelector.NUM_CLASSES;
            case YOLOV8 -> 4 + DecoderSelector.NUM_CLASSES;
            case END_TO_END -> 6;
        };
        float[] table = new float[k * cols];
        float[] mask = new float[k * cols];
        float[] select = new float[3 * k];
        float[] bias = new float[k];
        for (int r = 0; r < k; r++) {
            Row row = rows.get(r);
            int o = r * cols;
            int scoreCol;
            if (layout == Layout.END_TO_END) {
                System.arraycopy(new float[] {row.x1(), row.y1(), row.x2(), row.y2()}, 0, table, o, 4);
                table[o + 5] = row.classId();
                scoreCol = 4;
            } else {
                float[] center = {(row.x1() + row.x2()) / 2, (row.y1() + row.y2()) / 2, row.x2() - row.x1(), row.y2() - row.y1()};
                System.arraycopy(center, 0, table, o, 4);
                if (layout == Layout.YOLOV5) {
                    table[o + 5 + row.classId()] = 1f; // class score 1: confidence = objectness
                    scoreCol = 4;
                } else {
                    scoreCol = 4 + row.classId();
                }
            }
            mask[o + scoreCol] = 1f;
            select[row.channel() * k + r] = 1f;
            bias[r] = row.bias();
        }
        OnnxModelBuilder b = new OnnxModelBuilder("planted_detector")
                .metadata("tol.demo", "planted MegaDetector-layout model (" + layout + ")")
                .input("images", DType.FLOAT32, -1, 3, imageSize, imageSize)
                .initializer("select", new long[] {3, k}, select)
                .initializer("bias", new long[] {k}, bias)
                .initializer("table", new long[] {1, k, cols}, table)
                .initializer("mask", new long[] {1, k, cols}, mask)
                .initializerInt64("axis2", new long[] {1}, new long[] {2});
        b.node("GlobalAveragePool", List.of("images"), "pooled").done()
                .node("Flatten", List.of("pooled"), "means").attr("axis", 1L).done()
                .node("MatMul", List.of("means", "select"), "picked").done()
                .node("Add", List.of("picked", "bias"), "scores").done()
                .node("Unsqueeze", List.of("scores", "axis2"), "scores3").done()
                .node("Mul", List.of("scores3", "mask"), "placed").done();
        if (layout == Layout.YOLOV8) {
            b.node("Add", List.of("table", "placed"), "rows").done()
                    .node("Transpose", List.of("rows"), "output0").attrInts("perm", 0, 2, 1).done()
                    .output("output0", DType.FLOAT32, -1, cols, k);
        } else {
            b.node("Add", List.of("table", "placed"), "output0").done()
                    .output("output0", DType.FLOAT32, -1, k, cols);
        }
        return b.write(file);
    }
}
