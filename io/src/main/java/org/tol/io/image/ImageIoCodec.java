package org.tol.io.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tol.api.image.RgbImage;

/**
 * JDK ImageIO decoding: the fallback where OpenCV declines (some GIFs), and the decoder whose output the
 * published "java-fullres" PDQ reference hashes were made with.
 */
public final class ImageIoCodec {
    private ImageIoCodec() {}

    /** The decoded image, or null when ImageIO has no reader for the bytes. */
    public static RgbImage decode(byte[] encoded) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(encoded));
        return img == null ? null : toRgb(img);
    }

    public static RgbImage decodeFile(Path file) throws IOException {
        BufferedImage img = ImageIO.read(Files.newInputStream(file));
        if (img == null) {
            throw new IOException(file + ": no ImageIO reader for this format");
        }
        return toRgb(img);
    }

    /** Converts any BufferedImage to packed RGB via getRGB (sRGB, alpha dropped). */
    public static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] px = new byte[w * h * 3];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, line, 0, w);
            for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                int p = line[x];
                px[o] = (byte) (p >> 16);
                px[o + 1] = (byte) (p >> 8);
                px[o + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, px);
    }
}
