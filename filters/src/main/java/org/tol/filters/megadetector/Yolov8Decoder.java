package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.List;
import org.tol.api.model.Tensor;

/**
 * Anchor-free ultralytics output {@code [N, 4 + nc, A]} (YOLOv8/v9/v11, MegaDetector v1000): channel-major,
 * per anchor {@code cx, cy, w, h} then the class scores (already sigmoid; no objectness). As ultralytics'
 * {@code non_max_suppression}: confidence = best class score, kept when > conf, class-aware NMS (IoU 0.7
 * by default, as ultralytics' predictor).
 */
public final class Yolov8Decoder implements DetectionDecoder {
    public static final float DEFAULT_IOU = 0.7f;

    private final int numClasses;
    private final float iou;

    public Yolov8Decoder(int numClasses, float iou) {
        this.numClasses = numClasses;
        this.iou = iou;
    }

    @Override
    public String layout() {
        return "yolov8";
    }

    @Override
    public float iou() {
        return iou;
    }

    @Override
    public List<Detection> decode(Tensor output, int image, float minConf) {
        int anchors = (int) output.dim(2);
        int channels = 4 + numClasses;
        float[] d = output.data();
        int base = image * channels * anchors;
        List<Detection> candidates = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            int best = 0;
            float bestConf = d[base + 4 * anchors + a];
            for (int c = 1; c < numClasses; c++) {
                float conf = d[base + (4 + c) * anchors + a];
                if (conf > bestConf) {
                    bestConf = conf;
                    best = c;
                }
            }
            if (bestConf > minConf) {
                candidates.add(YoloNms.fromCenter(best, bestConf, d[base + a], d[base + anchors + a],
                        d[base + 2 * anchors + a], d[base + 3 * anchors + a]));
            }
        }
        return YoloNms.apply(candidates, iou);
    }
}
