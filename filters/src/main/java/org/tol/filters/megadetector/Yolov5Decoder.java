package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.List;
import org.tol.api.model.Tensor;

/**
 * YOLOv5 raw output {@code [N, A, 5 + nc]}: per anchor {@code cx, cy, w, h, objectness, class scores}
 * (MegaDetector v5). As yolov5's {@code non_max_suppression} with multi_label=False: an anchor is a
 * candidate when objectness > conf, its confidence is objectness x the best class score, and it is kept
 * when that product > conf; then class-aware NMS (MegaDetector v5 ran IoU 0.45).
 */
public final class Yolov5Decoder implements DetectionDecoder {
    public static final float DEFAULT_IOU = 0.45f;

    private final int numClasses;
    private final float iou;

    public Yolov5Decoder(int numClasses, float iou) {
        this.numClasses = numClasses;
        this.iou = iou;
    }

    @Override
    public String layout() {
        return "yolov5";
    }

    @Override
    public float iou() {
        return iou;
    }

    @Override
    public List<Detection> decode(Tensor output, int image, float minConf) {
        int anchors = (int) output.dim(1);
        int stride = 5 + numClasses;
        float[] d = output.data();
        int base = image * anchors * stride;
        List<Detection> candidates = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            int o = base + a * stride;
            float obj = d[o + 4];
            if (!(obj > minConf)) {
                continue;
            }
            int best = 0;
            float bestConf = obj * d[o + 5];
            for (int c = 1; c < numClasses; c++) {
                float conf = obj * d[o + 5 + c];
                if (conf > bestConf) {
                    bestConf = conf;
                    best = c;
                }
            }
            if (bestConf > minConf) {
                candidates.add(YoloNms.fromCenter(best, bestConf, d[o], d[o + 1], d[o + 2], d[o + 3]));
            }
        }
        return YoloNms.apply(candidates, iou);
    }
}
