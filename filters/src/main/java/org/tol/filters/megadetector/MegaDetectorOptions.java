package org.tol.filters.megadetector;

/**
 * Parameters of a MegaDetector run.
 *
 * @param imageSize letterbox side S (640 as the reference ran MDv6)
 * @param conf the decision threshold: animal boxes strictly above it count (ultralytics' {@code conf > thres}),
 *     and an image without any is empty
 * @param iou NMS IoU, or null for the layout's default (0.45 YOLOv5, 0.7 YOLOv8-style, none end-to-end)
 * @param keepBoxesAbove boxes strictly above this confidence are stored (MegaDetector's output threshold,
 *     0.005), so the empty decision can be re-made later at another threshold without the GPU
 */
public record MegaDetectorOptions(int imageSize, float conf, Float iou, float keepBoxesAbove) {
    public static final int DEFAULT_IMAGE_SIZE = 640;
    public static final float DEFAULT_CONF = 0.2f;
    public static final float DEFAULT_KEEP = 0.005f;

    public MegaDetectorOptions {
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("--image-size must be a positive multiple of 32, got " + imageSize);
        }
        checkUnit("--conf", conf);
        checkUnit("--keep-boxes-above", keepBoxesAbove);
        if (iou != null) {
            checkUnit("--iou", iou);
        }
    }

    public static MegaDetectorOptions defaults() {
        return new MegaDetectorOptions(DEFAULT_IMAGE_SIZE, DEFAULT_CONF, null, DEFAULT_KEEP);
    }

    private static void checkUnit(String name, float v) {
        if (!(v >= 0f && v <= 1f)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], got " + v);
        }
    }
}
