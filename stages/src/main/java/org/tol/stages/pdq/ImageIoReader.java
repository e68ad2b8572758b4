package org.tol.stages.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tol.api.image.RgbImage;

/**
 * Decodes an image file with the JDK's ImageIO and reads its pixels through {@code BufferedImage.getRGB},
 * which is how Meta's Java reference hasher sees a file: full resolution, colour-converted to sRGB by the
 * JDK, alpha ignored. Hashes of these pixels equal the reference's {@code java-fullres} hashes exactly.
 */
public final class ImageIoReader {
    private ImageIoReader() {}

    /**
     * @throws UnsupportedImageException when ImageIO has no reader for the format or cannot convert its
     *     colour model (WebP, CMYK JPEG, ...), so callers can fall back to another decoder
     * @throws IOException when the file cannot be read
     */
    public static RgbImage read(Path file) throws IOException {
        BufferedImage img;
        try (var in = Files.newInputStream(file)) {
            img = ImageIO.read(in);
        } catch (javax.imageio.IIOException e) {
            throw new UnsupportedImageException("ImageIO cannot decode " + file + ": " + e.getMessage());
        }
        if (img == null) {
            throw new UnsupportedImageException("ImageIO has no reader for " + file);
        }
        return toRgb(img);
    }

    /** The image's sRGB pixels as interleaved RGB bytes, alpha dropped. */
    public static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, line, 0, w);
            int o = y * w * 3;
            for (int x = 0; x < w; x++, o += 3) {
                int p = line[x];
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** ImageIO cannot handle this file; another decoder may. */
    public static final class UnsupportedImageException extends IOException {
        public UnsupportedImageException(String message) {
            super(message);
        }
    }
}
