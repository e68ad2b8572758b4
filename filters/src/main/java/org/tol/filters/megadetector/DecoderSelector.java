package org.tol.filters.megadetector;

import java.util.Arrays;
import org.tol.api.TolException;

/**
 * Picks the decoder from the detector's output shape (seen at start-up), so one command serves
 * MegaDetector v5 (YOLOv5), v1000 (YOLOv8/v9/v11) and v6 (YOLOv10) exports. MegaDetector has three
 * classes (animal, person, vehicle), which makes the layouts distinguishable: {@code [N, K, 6]} is
 * end-to-end, {@code [N, A, 8]} is YOLOv5, {@code [N, 7, A]} is YOLOv8-style.
 */
public final class DecoderSelector {
    public static final int NUM_CLASSES = 3;

    private DecoderSelector() {}

    /** @param iou the user's --iou, or null for the layout's default */
    public static DetectionDecoder forShape(long[] shape, Float iou) {
        if (shape.length == 3) {
            if (shape[2] == 6) {
                return new EndToEndDecoder();
            }
            if (shape[2] == 5 + NUM_CLASSES) {
                return new Yolov5Decoder(NUM_CLASSES, iou != null ? iou : Yolov5Decoder.DEFAULT_IOU);
            }
            if (shape[1] == 4 + NUM_CLASSES) {
                return new Yolov8Decoder(NUM_CLASSES, iou != null ? iou : Yolov8Decoder.DEFAULT_IOU);
            }
        }
        throw new TolException("the detector's output shape " + Arrays.toString(shape)
                        + " fits no known layout",
                "expected [N, A, 8] (YOLOv5: box, objectness, 3 classes), [N, 7, A] (YOLOv8/v9/v11: box, 3 classes)"
                        + " or [N, K, 6] (YOLOv10/MegaDetector v6 end-to-end: x1, y1, x2, y2, score, class);"
                        + " export the MegaDetector model with its detection head");
    }
}
