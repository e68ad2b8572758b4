package org.tol.io.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.tol.api.schema.Column;

/** A Parquet file's footer facts: row groups with their sizes, schema, codecs. Reads only the footer. */
public record ParquetFileInfo(Path path, long rowCount, List<RowGroupInfo> rowGroups, List<Column> columns,
        MessageType schema, List<String> codecs, String createdBy) {

    /** One row group: rows, uncompressed bytes, and compressed bytes on disk. */
    public record RowGroupInfo(int index, long rowCount, long totalByteSize, long compressedSize) {}

    public static ParquetFileInfo read(Path path) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(path),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            List<RowGroupInfo> groups = new ArrayList<>();
            List<String> codecs = new ArrayList<>();
            long rows = 0;
            int i = 0;
            for (BlockMetaData b : r.getRowGroups()) {
                groups.add(new RowGroupInfo(i++, b.getRowCount(), b.getTotalByteSize(), b.getCompressedSize()));
                rows += b.getRowCount();
                for (ColumnChunkMetaData c : b.getColumns()) {
                    String codec = c.getCodec().name();
                    if (!codecs.contains(codec)) {
                        codecs.add(codec);
                    }
                }
            }
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            return new ParquetFileInfo(path, rows, groups, Schemas.fromParquet(schema), schema, codecs,
                    r.getFooter().getFileMetaData().getCreatedBy());
        }
    }

    /** The top-level column names from the footer alone (any types, nested ones included). */
    public static List<String> fieldNames(Path path) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(path),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return r.getFooter().getFileMetaData().getSchema().getFields().stream()
                    .map(org.apache.parquet.schema.Type::getName).toList();
        }
    }

    /** The largest row group's bytes of the given columns, uncompressed (what a projected read holds). */
    public static long largestProjectedRowGroupBytes(Path path, List<String> columns) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(path),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            long max = 0;
            for (BlockMetaData b : r.getRowGroups()) {
                long sum = 0;
                for (ColumnChunkMetaData c : b.getColumns()) {
                    if (columns.contains(c.getPath().toArray()[0])) {
                        sum += c.getTotalUncompressedSize();
                    }
                }
                max = Math.max(max, sum);
            }
            return max;
        }
    }
}
