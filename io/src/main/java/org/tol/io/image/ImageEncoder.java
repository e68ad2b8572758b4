package org.tol.io.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tol.api.image.RgbImage;

/**
 * Encodes RGB pixels as JPEG (explicit quality; libjpeg's default 4:2:0 chroma subsampling, as Pillow uses),
 * PNG (lossless: decoding gives the same pixels; zlib level 6, Pillow's default) or WebP (quality 1-100; above
 * 100 is lossless) with OpenCV, the library tol already decodes with.
 */
public final class ImageEncoder {
    public enum Format {
        JPEG(".jpg"), PNG(".png"), WEBP(".webp");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "jpeg", "jpg" -> JPEG;
                case "png" -> PNG;
                case "webp" -> WEBP;
                default -> throw new IllegalArgumentException("unknown image format '" + s + "' (jpeg, png or webp)");
            };
        }
    }

    private final Format format;
    private final int quality;

    public ImageEncoder(Format format, int quality) {
        if (quality < 1 || quality > 101) {
            throw new IllegalArgumentException("quality must be 1..100 (101: lossless WebP), got " + quality);
        }
        this.format = format;
        this.quality = quality;
    }

    public Format format() {
        return format;
    }

    public byte[] encode(RgbImage img) {
        return encodeBgr(img.width(), img.height(), RawBgr.fromRgb(img));
    }

    /**
     * Encodes {@code height*width*3} BGR bytes (OpenCV's order): the same output as {@link #encode} of the
     * RGB image, without a channel swap for callers that already hold BGR.
     */
    public byte[] encodeBgr(int width, int height, byte[] bgrPixels) {
        if (bgrPixels.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " BGR bytes for " + width + "x"
                    + height + ", got " + bgrPixels.length);
        }
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = new Mat(height, width, opencv_core.CV_8UC3);
            bgr.data().put(bgrPixels);
            int[] params = switch (format) {
                case JPEG -> new int[] {IMWRITE_JPEG_QUALITY, Math.min(quality, 100)};
                case PNG -> new int[] {IMWRITE_PNG_COMPRESSION, 6};
                case WEBP -> new int[] {IMWRITE_WEBP_QUALITY, quality};
            };
            BytePointer buf = new BytePointer();
            if (!imencode(format.extension, bgr, buf, new IntPointer(params))) {
                throw new IllegalStateException("OpenCV could not encode a " + width + "x" + height
                        + " image as " + format);
            }
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }
}
