package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tol.api.image.DecodeError;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.io.image.ImageDecoder;
import org.tol.io.image.ImageIoCodec;

/**
 * Decodes image files for hashing. By default the JDK's ImageIO goes first, because Meta's Java reference
 * hashes ImageIO's full-resolution decode and its published hashes are then reproduced exactly; formats
 * ImageIO cannot read (WebP, some CMYK/16-bit files) fall back to OpenCV through {@link ImageDecoder}.
 * {@code OPENCV} skips ImageIO (faster, applies EXIF orientation, the decoder TOL's downloader used).
 * Thread-safe; never throws: a file that neither decoder reads is a failed {@link DecodeResult} naming it.
 */
public enum PdqFileDecoder {
    IMAGEIO("imageio"),
    OPENCV("opencv");

    private static final ImageDecoder OPENCV_DECODER = new ImageDecoder();
    private final String label;

    PdqFileDecoder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PdqFileDecoder parse(String s) {
        for (PdqFileDecoder d : values()) {
            if (d.label.equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown --decoder '" + s + "': use imageio or opencv");
    }

    public DecodeResult decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return DecodeResult.fail(DecodeError.CORRUPT, file + ": cannot read: " + e.getMessage());
        }
        String imageIoProblem = null;
        if (this == IMAGEIO && bytes.length > 0) {
            try {
                RgbImage img = ImageIoCodec.decode(bytes);
                if (img != null) {
                    return DecodeResult.ok(img);
                }
                imageIoProblem = "no ImageIO reader";
            } catch (IOException | RuntimeException e) {
                imageIoProblem = "ImageIO: " + e.getMessage();
            }
        }
        DecodeResult r = OPENCV_DECODER.decode(bytes, null, null);
        if (r.isOk()) {
            return r;
        }
        String why = imageIoProblem == null ? r.message() : imageIoProblem + "; OpenCV: " + r.message();
        return DecodeResult.fail(r.error(), file + ": " + why);
    }
}
