package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tol.filters.detect.Nms;

/**
 * The tail of ultralytics' {@code non_max_suppression} shared by the raw YOLO layouts: sort candidates by
 * confidence, keep at most {@value #MAX_NMS} of them, class-aware torchvision NMS, at most
 * {@value #MAX_DET} boxes per image.
 */
final class YoloNms {
    static final int MAX_NMS = 30000;
    static final int MAX_DET = 300;

    private YoloNms() {}

    static List<Detection> apply(List<Detection> candidates, float iou) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Detection d) -> -d.conf()));
        if (sorted.size() > MAX_NMS) {
            sorted = sorted.subList(0, MAX_NMS);
        }
        float[][] boxes = new float[sorted.size()][];
        float[] scores = new float[sorted.size()];
        int[] classes = new int[sorted.size()];
        for (int i = 0; i < boxes.length; i++) {
            Detection d = sorted.get(i);
            boxes[i] = d.xyxy();
            scores[i] = d.conf();
            classes[i] = d.classId();
        }
        int[] keep = Nms.run(boxes, scores, classes, iou, Nms.Mode.IOU, MAX_DET);
        List<Detection> out = new ArrayList<>(keep.length);
        for (int k : keep) {
            out.add(sorted.get(k));
        }
        return out;
    }

    /** Center-size to corner box, as ultralytics' xywh2xyxy. */
    static Detection fromCenter(int classId, float conf, float cx, float cy, float w, float h) {
        return new Detection(classId, conf, cx - w / 2f, cy - h / 2f, cx + w / 2f, cy + h / 2f);
    }
}
