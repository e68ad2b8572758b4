package org.tol.api.image;

/** Why an image cell could not be turned into pixels. Stored as the row's {@code status}. */
public enum DecodeError {
    /** The cell is null or has zero bytes. */
    EMPTY("empty_image"),
    /** Raw pixel bytes whose length matches neither original_size nor resized_size (h*w*3). */
    SIZE_MISMATCH("size_mismatch"),
    /** Encoded bytes (JPEG/PNG/...) that end early or fail to decode. */
    CORRUPT("corrupt_image"),
    /** Bytes that are neither raw pixels of a known size nor a recognised image format. */
    UNKNOWN_FORMAT("unknown_format"),
    /** More pixels than the configured limit (decompression-bomb guard). */
    TOO_LARGE("too_large");

    private final String status;

    DecodeError(String status) {
        this.status = status;
    }

    /** The value written to the {@code status} column of prediction rows. */
    public String status() {
        return status;
    }
}
