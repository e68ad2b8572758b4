package org.tol.stages.report;

import java.util.List;

/**
 * A row the gallery shows: its uuid, a caption, and boxes to draw over the thumbnail.
 *
 * @param boxes       {@code [x, y, w, h]} normalised to the image (MegaDetector) or {@code [x1, y1, x2, y2]} in
 *                    original pixels (MTCNN), as {@code pixelBoxes} says
 */
record Pick(String group, String uuid, String caption, List<float[]> boxes, boolean pixelBoxes) {}
