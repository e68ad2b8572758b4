package org.tol.io.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tol.api.image.RgbImage;

/** Builds test pictures and encodes them with codecs independent of the decoder under test. */
final class TestImages {
    private TestImages() {}

    /** A w x h picture whose every pixel is a known function of (x, y, channel). */
    static RgbImage pattern(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                px[o] = (byte) (x * 7 + y);
                px[o + 1] = (byte) (y * 5 + 3);
                px[o + 2] = (byte) ((x ^ y) * 3);
            }
        }
        return new RgbImage(w, h, px);
    }

    /** Four flat colour blocks: survives palette (GIF) and lossy coding nearly unchanged. */
    static RgbImage blocks(int w, int h) {
        int[][] colours = {{200, 30, 30}, {30, 200, 30}, {30, 30, 200}, {240, 240, 20}};
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] c = colours[(x < w / 2 ? 0 : 1) + (y < h / 2 ? 0 : 2)];
                int o = (y * w + x) * 3;
                px[o] = (byte) c[0];
                px[o + 1] = (byte) c[1];
                px[o + 2] = (byte) c[2];
            }
        }
        return new RgbImage(w, h, px);
    }

    static BufferedImage toBuffered(RgbImage img) {
        BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                bi.setRGB(x, y, (img.get(x, y, 0) << 16) | (img.get(x, y, 1) << 8) | img.get(x, y, 2));
            }
        }
        return bi;
    }

    /** Encoded with the JDK's ImageIO writers (jpg, png, gif, bmp, tiff). */
    static byte[] imageIo(RgbImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(toBuffered(img), format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** Encoded with OpenCV's imencode (e.g. ".webp" with quality 101 = lossless). */
    static byte[] openCv(RgbImage img, String ext, int... params) {
        Mat bgr = new Mat(img.height(), img.width(), org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        bgr.data().put(RawBgr.fromRgb(img));
        BytePointer buf = new BytePointer();
        opencv_imgcodecs.imencode(ext, bgr, buf, new IntPointer(params));
        byte[] out = new byte[(int) buf.limit()];
        buf.get(out);
        return out;
    }

    static double meanAbsDiff(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF));
        }
        return (double) sum / a.pixels().length;
    }
}
