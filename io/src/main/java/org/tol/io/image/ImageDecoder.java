package org.tol.io.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tol.api.image.DecodeError;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.Row;

/**
 * Turns an {@code image} cell into RGB pixels. Raw cells (TreeOfLife-200M stores uncompressed BGR) follow
 * the reference rule: try original_size then resized_size, accept the first [h, w] with h*w*3 == length,
 * flip BGR to RGB. Otherwise the magic bytes pick a codec (JPEG, PNG, WebP, TIFF, GIF, BMP). Every failure
 * is a typed {@link DecodeResult}; nothing is thrown past the row. Thread-safe.
 */
public final class ImageDecoder {
    /** 30000² pixels: above any real photo, below what would exhaust a rank's heap. */
    public static final long DEFAULT_MAX_PIXELS = 30_000L * 30_000L;

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * Decodes the image of a row read with (at least) {@link ImageColumns#DECODE_COLUMNS}. Same result as
     * {@code decode(row.binary(IMAGE), ...)}, but a raw cell is copied once, from the page buffer straight
     * into the RGB array, and flipped there (no intermediate copy); only encoded cells are copied out for
     * their codec.
     */
    public DecodeResult decode(Row row) {
        ByteBuffer cell = row.binaryView(ImageColumns.IMAGE);
        long[] originalSize = row.longs(ImageColumns.ORIGINAL_SIZE);
        long[] resizedSize = row.longs(ImageColumns.RESIZED_SIZE);
        long[] raw = cell == null ? null : rawSize(cell.remaining(), originalSize, resizedSize);
        if (raw == null) {
            return decode(cell == null ? null : bytesOf(cell), originalSize, resizedSize);
        }
        if (raw[0] * raw[1] > maxPixels) {
            return tooLarge(raw[1], raw[0]);
        }
        return DecodeResult.ok(RawBgr.toRgb(cell, (int) raw[1], (int) raw[0]));
    }

    public DecodeResult decode(byte[] cell, long[] originalSize, long[] resizedSize) {
        if (cell == null || cell.length == 0) {
            return DecodeResult.fail(DecodeError.EMPTY, "image cell is " + (cell == null ? "null" : "empty"));
        }
        long[] raw = rawSize(cell.length, originalSize, resizedSize);
        if (raw != null) {
            if (raw[0] * raw[1] > maxPixels) {
                return tooLarge(raw[1], raw[0]);
            }
            return DecodeResult.ok(RawBgr.toRgb(cell, (int) raw[1], (int) raw[0]));
        }
        ImageFormat format = ImageFormat.detect(cell);
        if (format == null) {
            if (originalSize != null || resizedSize != null) {
                return DecodeResult.fail(DecodeError.SIZE_MISMATCH, cell.length + " bytes match neither original_size "
                        + sizeText(originalSize) + " nor resized_size " + sizeText(resizedSize)
                        + " as raw h*w*3 pixels, and are no known image format");
            }
            return DecodeResult.fail(DecodeError.UNKNOWN_FORMAT, "no known image signature in " + cell.length + " bytes");
        }
        return decodeEncoded(cell, format);
    }

    /** Decodes encoded bytes (format detected by magic bytes). */
    public DecodeResult decodeEncoded(byte[] cell, ImageFormat format) {
        int[] dims = ImageHeaders.dimensions(cell, format);
        if (dims == null || dims[0] <= 0 || dims[1] <= 0) {
            return DecodeResult.fail(DecodeError.CORRUPT, format + " header is unreadable (" + cell.length + " bytes)");
        }
        if ((long) dims[0] * dims[1] > maxPixels) {
            return tooLarge(dims[0], dims[1]);
        }
        if (!ImageHeaders.looksComplete(cell, format)) {
            return DecodeResult.fail(DecodeError.CORRUPT, format + " data is truncated (no end marker in "
                    + cell.length + " bytes)");
        }
        try {
            RgbImage img = OpenCvCodec.decode(cell);
            if (img == null) {
                img = ImageIoCodec.decode(cell);
            }
            if (img == null) {
                return DecodeResult.fail(DecodeError.CORRUPT, format + " data failed to decode");
            }
            return DecodeResult.ok(img);
        } catch (IOException | RuntimeException e) {
            return DecodeResult.fail(DecodeError.CORRUPT, format + " data failed to decode: " + e.getMessage());
        }
    }

    /** Reads and decodes an image file; the result names the file on failure. */
    public DecodeResult decodeFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return DecodeResult.fail(DecodeError.CORRUPT, file + ": cannot read: " + e.getMessage());
        }
        DecodeResult r = decode(bytes, null, null);
        return r.isOk() ? r : DecodeResult.fail(r.error(), file + ": " + r.message());
    }

    /**
     * {width, height} when a cell of {@code cellLength} bytes holds raw pixels by the reference rule (see
     * {@link #decode(byte[], long[], long[])}) within the pixel limit, so a consumer may read its BGR bytes
     * directly; null otherwise (then {@code decode} gives the image or the typed failure).
     */
    public int[] rawDimensions(int cellLength, long[] originalSize, long[] resizedSize) {
        long[] raw = rawSize(cellLength, originalSize, resizedSize);
        if (raw == null || raw[0] * raw[1] > maxPixels) {
            return null;
        }
        return new int[] {(int) raw[1], (int) raw[0]};
    }

    /** The reference rule, kept in one place ({@link RawBgr#size}) for the decoder and the raw-cell readers. */
    private static long[] rawSize(int length, long[] originalSize, long[] resizedSize) {
        return RawBgr.size(length, originalSize, resizedSize);
    }

    private static byte[] bytesOf(ByteBuffer view) {
        byte[] b = new byte[view.remaining()];
        view.get(view.position(), b, 0, b.length);
        return b;
    }

    private DecodeResult tooLarge(long w, long h) {
        return DecodeResult.fail(DecodeError.TOO_LARGE, w + "x" + h + " = " + (w * h) + " pixels exceeds the limit of "
                + maxPixels + " (raise --max-pixels if the image is genuine)");
    }

    private static String sizeText(long[] s) {
        return s == null ? "null" : java.util.Arrays.toString(s);
    }
}
