package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tol.api.model.Tensor;

/**
 * End-to-end output {@code [N, K, 6]} (YOLOv10, MegaDetector v6): rows {@code x1, y1, x2, y2, score, class}
 * already de-duplicated by the model (one-to-one head). As ultralytics' {@code non_max_suppression} for
 * end-to-end outputs ({@code pred[pred[:, 4] > conf_thres][:max_det]}): no IoU NMS at all (overlapping
 * boxes all stay), rows with score strictly above the threshold, the first {@value YoloNms#MAX_DET} of them
 * in the model's order (its top-k order, best first), then sorted best first (stable, so ties keep it).
 */
public final class EndToEndDecoder implements DetectionDecoder {
    @Override
    public String layout() {
        return "end-to-end";
    }

    @Override
    public float iou() {
        return Float.NaN;
    }

    @Override
    public List<Detection> decode(Tensor output, int image, float minConf) {
        int rows = (int) output.dim(1);
        float[] d = output.data();
        int base = image * rows * 6;
        List<Detection> out = new ArrayList<>();
        for (int k = 0; k < rows && out.size() < YoloNms.MAX_DET; k++) {
            int o = base + k * 6;
            float score = d[o + 4];
            if (score > minConf) {
                out.add(new Detection(Math.round(d[o + 5]), score, d[o], d[o + 1], d[o + 2], d[o + 3]));
            }
        }
        out.sort(Comparator.comparingDouble((Detection x) -> -x.conf()));
        return out;
    }
}
