package org.tol.io.parquet;

import java.util.List;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * Column names of the TreeOfLife-200M images-in-Parquet schema (reference §1.0): uuid, source_id,
 * identifier, is_license_full, license, source, title, hashsum_original, hashsum_resized, original_size
 * [h,w], resized_size [h,w], image (raw BGR bytes or an encoded image), server.
 */
public final class ImageColumns {
    public static final String UUID = "uuid";
    public static final String SOURCE_ID = "source_id";
    public static final String IDENTIFIER = "identifier";
    public static final String IS_LICENSE_FULL = "is_license_full";
    public static final String LICENSE = "license";
    public static final String SOURCE = "source";
    public static final String TITLE = "title";
    public static final String HASHSUM_ORIGINAL = "hashsum_original";
    public static final String HASHSUM_RESIZED = "hashsum_resized";
    public static final String ORIGINAL_SIZE = "original_size";
    public static final String RESIZED_SIZE = "resized_size";
    public static final String IMAGE = "image";
    public static final String SERVER = "server";

    /** What decoding a row needs: everything else stays unread on disk. */
    public static final List<String> DECODE_COLUMNS = List.of(UUID, IMAGE, ORIGINAL_SIZE, RESIZED_SIZE);

    /** The whole TreeOfLife-200M row schema, in its column order (what {@code tol sample make} and {@code tol gbif fetch} write). */
    public static final List<Column> SCHEMA = List.of(
            Column.string(UUID),
            Column.string(SOURCE_ID),
            Column.string(IDENTIFIER),
            Column.bool(IS_LICENSE_FULL),
            Column.string(LICENSE),
            Column.string(SOURCE),
            Column.string(TITLE),
            Column.string(HASHSUM_ORIGINAL),
            Column.string(HASHSUM_RESIZED),
            new Column(ORIGINAL_SIZE, ColumnType.listOf(ColumnType.Primitive.INT64)),
            new Column(RESIZED_SIZE, ColumnType.listOf(ColumnType.Primitive.INT64)),
            Column.binary(IMAGE),
            Column.string(SERVER));

    private ImageColumns() {}
}
