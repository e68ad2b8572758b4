package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tol.api.image.RgbImage;
import org.tol.api.model.Tensor;
import org.tol.filters.RawCellHandOffBench;
import org.tol.io.image.SyntheticImages;

/**
 * {@code tol bench megadetector-prep}: single-thread (= per core) throughput of the CPU work around the
 * detector: the letterbox (resize + pad + CHW float) and, per output layout, decoding + NMS + mapping back
 * of a synthetic raw output of the real size (YOLOv5 25200 anchors at 640, YOLOv8 8400, end-to-end 300)
 * with a realistic share of low-confidence candidates.
 */
public final class MegaDetectorPrepBench {
    private MegaDetectorPrepBench() {}

    public static Map<String, Object> run(int images, int width, int height, int size) throws Exception {
        return run(images, width, height, size, 0);
    }

    /** With {@code rawRounds > 0}, also the raw-BGR hand-off against decode + letterbox ({@link RawCellHandOffBench}). */
    public static Map<String, Object> run(int images, int width, int height, int size, int rawRounds) throws Exception {
        List<RgbImage> inputs = new ArrayList<>();
        for (int i = 0; i < Math.min(images, 8); i++) {
            inputs.add(SyntheticImages.render(new Random(i), width, height));
        }
        Letterbox lb = new Letterbox(size);
        for (int i = 0; i < Math.min(images, 4); i++) {
            lb.apply(inputs.get(i % inputs.size())); // warm-up
        }
        long t0 = System.nanoTime();
        LetterboxGeometry geometry = null;
        for (int i = 0; i < images; i++) {
            geometry = lb.apply(inputs.get(i % inputs.size())).geometry();
        }
        double prepSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", images);
        out.put("image_size", width + "x" + height);
        out.put("letterbox", size);
        out.put("prepare_images_per_s", images / prepSeconds);
        int a = (size / 8) * (size / 8) + (size / 16) * (size / 16) + (size / 32) * (size / 32);
        Map<String, Object> layouts = new LinkedHashMap<>();
        layouts.put("yolov5", decodeRate(new Yolov5Decoder(3, 0.45f), output(new long[] {1, 3L * a, 8}, 4, 8), geometry, images, prepSeconds));
        layouts.put("yolov8", decodeRate(new Yolov8Decoder(3, 0.7f), output(new long[] {1, 7, a}, -1, 0), geometry, images, prepSeconds));
        layouts.put("end-to-end", decodeRate(new EndToEndDecoder(), output(new long[] {1, 300, 6}, 4, 6), geometry, images, prepSeconds));
        out.put("postprocess", layouts);
        if (rawRounds > 0) {
            out.put("raw_bgr", RawCellHandOffBench.compare(lb::apply, lb::applyBgr, RawCellHandOffBench.cells(width, height),
                    width, height, images, rawRounds));
        }
        return out;
    }

    /** Random boxes; scores mostly tiny, 1% above 0.005 and a few confident ones, as real frames give. */
    private static Tensor output(long[] shape, int scoreCol, int stride) {
        Random rnd = new Random(7);
        int n = (int) (shape[1] * shape[2]);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextFloat() * 600;
        }
        if (stride > 0) {
            for (int r = 0; r < n / stride; r++) {
                float u = rnd.nextFloat();
                d[r * stride + scoreCol] = u < 0.99f ? u * 0.005f : u;
                d[r * stride + 2] = 10 + rnd.nextFloat() * 100;
                d[r * stride + 3] = 10 + rnd.nextFloat() * 100;
                for (int c = scoreCol + 1; c < stride; c++) {
                    d[r * stride + c] = stride == 6 ? rnd.nextInt(3) : rnd.nextFloat();
                }
            }
        } else {
            int anchors = (int) shape[2];
            for (int k = 0; k < anchors; k++) {
                d[2 * anchors + k] = 10 + rnd.nextFloat() * 100;
                d[3 * anchors + k] = 10 + rnd.nextFloat() * 100;
                for (int c = 4; c < 7; c++) {
                    float u = rnd.nextFloat();
                    d[c * anchors + k] = u < 0.99f ? u * 0.005f : u;
                }
            }
        }
        return new Tensor(d, shape);
    }

    private static Map<String, Object> decodeRate(DetectionDecoder dec, Tensor t, LetterboxGeometry g, int images,
            double prepSeconds) {
        for (int i = 0; i < 3; i++) {
            MegaDetectorColumns.row(dec.decode(t, 0, 0.005f), g, 0.2f, 0.005f);
        }
        long t0 = System.nanoTime();
        int boxes = 0;
        for (int i = 0; i < images; i++) {
            List<Detection> d = dec.decode(t, 0, Math.nextDown(0.005f));
            boxes = d.size();
            MegaDetectorColumns.row(d, g, 0.2f, 0.005f);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output_shape", java.util.Arrays.toString(t.shape()));
        m.put("boxes_after_nms", boxes);
        m.put("decode_images_per_s", images / s);
        m.put("prepare_plus_decode_images_per_s", images / (s + prepSeconds));
        return m;
    }
}
