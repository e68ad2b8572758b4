package org.tol.io.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Row-group and codec settings. Row groups are closed at whichever limit comes first, so files of
 * multi-MB image rows get small row groups (bounded reader memory) and prediction files get large ones.
 */
public record WriterOptions(int rowGroupRows, long rowGroupBytes, CompressionCodecName codec) {
    /** 64 MB or 1M rows per row group, snappy (what the reference's Spark jobs write). */
    public static WriterOptions defaults() {
        return new WriterOptions(1_000_000, 64L << 20, CompressionCodecName.SNAPPY);
    }

    public WriterOptions withRowGroupRows(int rows) {
        return new WriterOptions(rows, rowGroupBytes, codec);
    }

    public WriterOptions withCodec(CompressionCodecName c) {
        return new WriterOptions(rowGroupRows, rowGroupBytes, c);
    }
}
