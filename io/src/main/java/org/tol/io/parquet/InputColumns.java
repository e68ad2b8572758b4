package org.tol.io.parquet;

import java.util.List;

/**
 * Which input columns hold the image and its id, and (for raw BGR cells) the [h, w] sizes. TreeOfLife's names by
 * default; other images-in-Parquet layouts name theirs, e.g. img2dataset {@code jpg}/{@code key}, webdataset
 * conversions {@code jpg}/{@code __key__}, Hugging Face {@code image} (a struct whose {@code bytes} are read).
 */
public record InputColumns(String id, String image, String originalSize, String resizedSize) {
    public static final InputColumns DEFAULT = new InputColumns(ImageColumns.UUID, ImageColumns.IMAGE,
            ImageColumns.ORIGINAL_SIZE, ImageColumns.RESIZED_SIZE);

    /**
     * For tables of rows that need no image (a stage such as {@code extract categorize}): a file counts when it has
     * the id column, which therefore stands in for the image column too.
     */
    public static final InputColumns ROWS = new InputColumns(ImageColumns.UUID, ImageColumns.UUID,
            ImageColumns.ORIGINAL_SIZE, ImageColumns.RESIZED_SIZE);

    public InputColumns {
        for (String c : new String[] {id, image, originalSize, resizedSize}) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("input column names must not be empty");
            }
        }
    }

    /**
     * The run-fingerprint entries for these names: none for {@link #DEFAULT} (so an OUT made before the options
     * existed still resumes), else every name, so a resume reading other columns is refused.
     */
    public java.util.Map<String, String> fingerprint() {
        if (equals(DEFAULT)) {
            return java.util.Map.of();
        }
        return java.util.Map.of("idColumn", id, "imageColumn", image, "originalSizeColumn", originalSize,
                "resizedSizeColumn", resizedSize);
    }

    /** The columns a row's decoding reads; the size columns may be absent from a file (encoded images). */
    public List<String> decodeColumns() {
        return List.of(id, image, originalSize, resizedSize);
    }
}
