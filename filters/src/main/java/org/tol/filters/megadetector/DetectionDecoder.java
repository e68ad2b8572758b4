package org.tol.filters.megadetector;

import java.util.List;
import org.tol.api.model.Tensor;

/** Turns the detector's raw output for one image of a batch into boxes in letterbox pixels, best first. */
public interface DetectionDecoder {
    /** Short name of the output layout, recorded in the run fingerprint and the export's info block. */
    String layout();

    /** The NMS IoU threshold this decoder applies (NaN when the model does its own NMS). */
    float iou();

    /** Decodes image {@code image} of the batch output, keeping boxes with confidence strictly above {@code minConf}. */
    List<Detection> decode(Tensor output, int image, float minConf);
}
