package org.tol.io.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * Streams the rows of one Parquet file, one row group at a time, reading only the requested columns.
 * Memory holds one row group's projected column chunks, never the whole file: bound it by writing small
 * row groups (tol's writer does) or by splitting work units per row group.
 *
 * <p>The read path does what DuckDB's scan does and little more: each projected column chunk is mapped
 * (local file systems) or read with one positional read straight into a pooled direct buffer (see
 * CountingInputFile), each page is decompressed natively into a pooled direct buffer, and a row's binary
 * cells are views of those pages (see {@link Row#binaryView}). docs/runtime.md has the measurements.
 * The buffers go back to the pool ({@link DirectBufferPool}) when the reader leaves the row group, so a
 * {@link Row}'s values may be read until the next row group starts (or {@link #close()}), not later:
 * copy what must outlive that (every {@code Row} getter except {@code binaryView} returns a copy).
 *
 * <p>Not thread-safe; one reader per thread.
 */
public final class ParquetRows implements Closeable {
    private final Path path;
    private final CountingInputFile input;
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final MessageColumnIO columnIO;
    private final Map<String, String> partitions;
    private final long[] rowGroupStarts;
    private final int endRowGroup;
    private int nextRowGroup;
    private RecordReader<Group> records;
    private PageReadStore pages;
    private long remainingInGroup;
    private int currentRowGroup = -1;
    private long nextIndex;

    private ParquetRows(Path path, Collection<String> columns, int firstRowGroup, int endRowGroup) throws IOException {
        this.path = path;
        boolean map = CountingInputFile.mapByDefault(path);
        this.input = new CountingInputFile(path, map);
        this.reader = ParquetFileReader.open(input, readOptions(map));
        try {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (String c : columns) {
                if (fileSchema.containsField(c)) {
                    fields.add(fileSchema.getType(c));
                }
            }
            this.projection = new MessageType(fileSchema.getName(), fields);
            reader.setRequestedSchema(projection);
            this.columnIO = new ColumnIOFactory().getColumnIO(projection, fileSchema);
            this.partitions = InputFiles.partitionsOf(path);
            int groups = reader.getRowGroups().size();
            this.rowGroupStarts = new long[groups + 1];
            for (int g = 0; g < groups; g++) {
                rowGroupStarts[g + 1] = rowGroupStarts[g] + reader.getRowGroups().get(g).getRowCount();
            }
            if (firstRowGroup < 0 || firstRowGroup > groups || endRowGroup < firstRowGroup) {
                throw new IllegalArgumentException(path + ": row-group range [" + firstRowGroup + ", " + endRowGroup
                        + ") outside the file's " + groups + " row groups");
            }
            this.endRowGroup = Math.min(endRowGroup, groups);
            for (int g = 0; g < firstRowGroup; g++) {
                reader.skipNextRowGroup();
            }
            this.nextRowGroup = firstRowGroup;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * parquet-java's defaults, except: chunks and pages in pooled direct buffers (useOffHeapDecryptBuffer is
     * the switch parquet-java's page reader checks before it decompresses into the allocator's buffers, with
     * or without encryption) and Snappy decompressed natively between them (see PageCodecFactory); with
     * {@code map}, chunks are mapped rather than read (parquet-java's vectored-read hook; CountingInputFile).
     */
    private static ParquetReadOptions readOptions(boolean map) {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        return ParquetReadOptions.builder(conf)
                .withUseHadoopVectoredIo(map)
                .withCodecFactory(new PageCodecFactory(HadoopCodecs.newFactory(conf, 0)))
                .withAllocator(DirectBufferPool.SHARED)
                .useOffHeapDecryptBuffer(true)
                .build();
    }

    /** Opens {@code file} reading only {@code columns} (absent ones read as null). */
    public static ParquetRows open(Path file, Collection<String> columns) throws IOException {
        return new ParquetRows(file, columns, 0, Integer.MAX_VALUE);
    }

    /** Like {@link #open(Path, Collection)} but only row groups {@code [first, end)}. */
    public static ParquetRows open(Path file, Collection<String> columns, int firstRowGroup, int endRowGroup)
            throws IOException {
        return new ParquetRows(file, columns, firstRowGroup, endRowGroup);
    }

    public Path path() {
        return path;
    }

    public int rowGroupCount() {
        return rowGroupStarts.length - 1;
    }

    /** Rows in the whole file. */
    public long rowCount() {
        return rowGroupStarts[rowGroupStarts.length - 1];
    }

    /** Bytes read from disk so far (footer included): projection keeps this far below the file size. */
    public long bytesRead() {
        return input.bytesRead();
    }

    /** The projected columns present in the file, then partition columns the file lacks. */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>(Schemas.fromParquet(projection));
        for (String k : partitions.keySet()) {
            if (!projection.containsField(k)) {
                out.add(new Column(k, ColumnType.Primitive.STRING));
            }
        }
        return out;
    }

    /** The next row, or null after the last row of the range. */
    public Row next() throws IOException {
        while (remainingInGroup == 0) {
            if (nextRowGroup >= endRowGroup) {
                return null;
            }
            releasePages();
            pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            currentRowGroup = nextRowGroup++;
            remainingInGroup = pages.getRowCount();
            nextIndex = rowGroupStarts[currentRowGroup];
            records = columnIO.getRecordReader(pages, new GroupRecordConverter(projection));
        }
        Group g = records.read();
        remainingInGroup--;
        return new Row(g, partitions, currentRowGroup, nextIndex++);
    }

    /** Hands the finished row group's buffers back to the pool; its rows' values are invalid from here. */
    private void releasePages() {
        if (pages != null) {
            records = null;
            pages.close();
            pages = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            releasePages();
        } finally {
            reader.close();
        }
    }
}
