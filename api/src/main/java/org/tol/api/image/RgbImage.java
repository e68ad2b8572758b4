package org.tol.api.image;

/**
 * A decoded 8-bit RGB image: {@code pixels} holds height*width*3 bytes, row-major, interleaved R,G,B.
 * The array is not copied; callers must treat it as read-only once the image is shared.
 */
public record RgbImage(int width, int height, byte[] pixels) {
    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * 3 != pixels.length) {
            throw new IllegalArgumentException(
                    "pixel buffer holds " + pixels.length + " bytes, expected " + (long) width * height * 3);
        }
    }

    /** Channel c (0=R,1=G,2=B) of pixel (x, y) as 0..255. */
    public int get(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xFF;
    }
}
