package org.tol.io.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tol.api.image.RgbImage;

/**
 * Baseline JPEG through OpenCV's libjpeg-turbo with its defaults (4:2:0, standard Huffman tables, islow DCT),
 * the same settings Pillow's {@code save(format="JPEG", quality=q)} uses, which is how webdataset encodes the
 * {@code jpg} member of a sample (quality 100).
 */
public final class JpegEncoder {
    private JpegEncoder() {}

    public static byte[] encode(RgbImage img, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, got " + quality);
        }
        byte[] bgr = RawBgr.fromRgb(img);
        try (PointerScope scope = new PointerScope()) {
            Mat mat = new Mat(img.height(), img.width(), opencv_core.CV_8UC3);
            mat.data().put(bgr);
            BytePointer out = new BytePointer();
            org.bytedeco.javacpp.IntPointer params = new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, quality);
            if (!imencode(".jpg", mat, out, params)) {
                throw new IllegalStateException("OpenCV could not encode a " + img.width() + "x" + img.height() + " JPEG");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
