package org.tol.io.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an encoded image's width and height from its header without decoding pixels, so the pixel
 * limit is enforced before a decompression bomb allocates anything. Also checks for the end marker of
 * JPEG and PNG, because libjpeg "decodes" a truncated file into a grey-padded image without failing.
 */
public final class ImageHeaders {
    private ImageHeaders() {}

    /** {width, height}, or null when the header cannot be read. */
    public static int[] dimensions(byte[] b, ImageFormat f) {
        try {
            return switch (f) {
                case PNG -> b.length >= 24 ? new int[] {be32(b, 16), be32(b, 20)} : null;
                case GIF -> new int[] {le16(b, 6), le16(b, 8)};
                case BMP -> b.length >= 26 ? new int[] {le32(b, 18), Math.abs(le32(b, 22))} : null;
                case JPEG -> jpeg(b);
                case WEBP -> webp(b);
                case TIFF -> viaImageIo(b);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** False when the data visibly ends early (no JPEG EOI / PNG IEND near the end). */
    public static boolean looksComplete(byte[] b, ImageFormat f) {
        if (f == ImageFormat.JPEG) {
            // EOI (FF D9), allowing some trailing bytes that cameras and editors append.
            for (int i = b.length - 2, stop = Math.max(2, b.length - 4096); i >= stop; i--) {
                if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                    return true;
                }
            }
            return false;
        }
        if (f == ImageFormat.PNG) {
            for (int i = b.length - 8, stop = Math.max(8, b.length - 4096); i >= stop; i--) {
                if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static int[] jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int len = be16(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return new int[] {be16(b, i + 7), be16(b, i + 5)};
            }
            i += 2 + len;
        }
        return null;
    }

    private static int[] webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                return new int[] {le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
            case "VP8L": {
                int bits = le32(b, 21);
                return new int[] {(bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1};
            }
            case "VP8X":
                return new int[] {le24(b, 24) + 1, le24(b, 27) + 1};
            default:
                return null;
        }
    }

    private static int[] viaImageIo(byte[] b) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                return null;
            }
            ImageReader r = it.next();
            try {
                r.setInput(in);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int be32(byte[] b, int i) {
        return (be16(b, i) << 16) | be16(b, i + 2);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static int le24(byte[] b, int i) {
        return le16(b, i) | ((b[i + 2] & 0xFF) << 16);
    }

    private static int le32(byte[] b, int i) {
        return le16(b, i) | (le16(b, i + 2) << 16);
    }
}
