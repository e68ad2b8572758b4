package org.tol.filters.megadetector;

/**
 * Where an image of {@code srcWidth x srcHeight} lands in the {@code size x size} letterbox, computed
 * exactly as PytorchWildlife's {@code letterbox} (the reference's {@code MegaDetector_v5_Transform},
 * auto=False, scaleup=True): {@code r = min(S/h, S/w)}; the resized image is {@code round(w*r) x
 * round(h*r)} (Python's round, i.e. half to even); with {@code dw, dh} = half the padding, PytorchWildlife
 * calls {@code F.pad(im, (round(dw - 0.1), round(dw + 0.1), round(dh + 0.1), round(dh - 0.1)))}, i.e.
 * (left, right, top, bottom): an odd padding column goes to the RIGHT, an odd padding row to the TOP
 * (the opposite of yolov5/ultralytics' own letterbox). {@code dw} is a whole or half number, so
 * {@code dw ± 0.1} is never a tie and half-to-even rounding cannot matter there.
 */
public record LetterboxGeometry(int srcWidth, int srcHeight, int size, double scale, int newWidth, int newHeight,
        int left, int top) {

    public static LetterboxGeometry of(int width, int height, int size) {
        if (width <= 0 || height <= 0 || size <= 0) {
            throw new IllegalArgumentException("letterbox needs positive sizes, got " + width + "x" + height + " -> " + size);
        }
        double r = Math.min((double) size / height, (double) size / width);
        // at least one pixel: a 1000x1 strip would otherwise round to zero rows
        int newW = Math.max(1, (int) Math.rint(width * r));
        int newH = Math.max(1, (int) Math.rint(height * r));
        double dw = (size - newW) / 2.0;
        double dh = (size - newH) / 2.0;
        return new LetterboxGeometry(width, height, size, r, newW, newH,
                (int) Math.rint(dw - 0.1), (int) Math.rint(dh + 0.1));
    }

    /**
     * Maps a box {@code x1, y1, x2, y2} in letterbox pixels back to the original image (the inverse of the
     * padding and scaling actually applied, as ultralytics' {@code scale_boxes}), clips it to the image and
     * returns MegaDetector's normalised {@code [x_min, y_min, width, height]}.
     */
    public float[] toNormalizedXywh(float x1, float y1, float x2, float y2) {
        double ox1 = clip((x1 - left) / scale, srcWidth);
        double oy1 = clip((y1 - top) / scale, srcHeight);
        double ox2 = clip((x2 - left) / scale, srcWidth);
        double oy2 = clip((y2 - top) / scale, srcHeight);
        return new float[] {
            (float) (ox1 / srcWidth), (float) (oy1 / srcHeight),
            (float) ((ox2 - ox1) / srcWidth), (float) ((oy2 - oy1) / srcHeight)
        };
    }

    private static double clip(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
