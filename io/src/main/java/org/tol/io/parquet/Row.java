package org.tol.io.parquet;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;

/**
 * One row of a Parquet file, restricted to the projected columns. Values are converted lazily, so
 * untouched columns cost nothing. Hive partition values fill columns the file itself lacks.
 *
 * <p>A Row reads the page buffers of its {@link ParquetRows}, which are reused once the reader leaves the
 * row's row group: call its getters before that (every stage does so for the row it just read); what they
 * return is a copy, except {@link #binaryView}.
 */
public final class Row {
    private final Group group;
    private final Map<String, String> partitions;
    private final int rowGroup;
    private final long indexInFile;

    Row(Group group, Map<String, String> partitions, int rowGroup, long indexInFile) {
        this.group = group;
        this.partitions = partitions;
        this.rowGroup = rowGroup;
        this.indexInFile = indexInFile;
    }

    /** Index of the row group this row came from. */
    public int rowGroup() {
        return rowGroup;
    }

    /** 0-based position of the row in its file (stable across runs; used for mid-unit resume). */
    public long indexInFile() {
        return indexInFile;
    }

    public boolean has(String column) {
        return group.getType().containsField(column) || partitions.containsKey(column);
    }

    /** The column's value as a plain Java object (see ColumnType), or null when absent or null. */
    public Object value(String column) {
        if (!group.getType().containsField(column)) {
            return partitions.get(column);
        }
        return GroupValues.read(group, group.getType().getFieldIndex(column));
    }

    public String string(String column) {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
    }

    /** Binary cell bytes without any conversion; null when absent. */
    public byte[] binary(String column) {
        Binary b = binaryValue(column);
        return b == null ? null : b.getBytes();
    }

    /**
     * The same bytes as {@link #binary(String)} as a read-only view of the page buffer, without copying
     * (position 0 is the cell's first byte); null when absent. Lets a reader of large cells (raw images)
     * convert straight from the page instead of paying for a copy first. The view is valid until its
     * reader moves past this row's row group or is closed (the page buffer then goes back to the pool);
     * copy what must live longer. Usually a direct buffer, so {@code hasArray()} is false.
     */
    public ByteBuffer binaryView(String column) {
        Binary b = binaryValue(column);
        return b == null ? null : b.toByteBuffer().slice().asReadOnlyBuffer();
    }

    private Binary binaryValue(String column) {
        if (!group.getType().containsField(column)) {
            return null;
        }
        int i = group.getType().getFieldIndex(column);
        if (group.getFieldRepetitionCount(i) == 0) {
            return null;
        }
        if (!group.getType().getType(i).isPrimitive()) {
            // Hugging Face's Image feature: a struct {bytes, path}; the encoded image is in bytes.
            org.apache.parquet.schema.GroupType t = group.getType().getType(i).asGroupType();
            if (!t.containsField("bytes") || !t.getType("bytes").isPrimitive()) {
                return null;
            }
            org.apache.parquet.example.data.Group child = group.getGroup(i, 0);
            int b = t.getFieldIndex("bytes");
            return child.getFieldRepetitionCount(b) == 0 ? null : child.getBinary(b, 0);
        }
        return group.getBinary(i, 0);
    }

    /** A list column of int32/int64 (e.g. original_size [h, w]) as longs; null when absent. */
    public long[] longs(String column) {
        Object v = value(column);
        if (!(v instanceof List<?> list)) {
            return null;
        }
        long[] out = new long[list.size()];
        for (int k = 0; k < out.length; k++) {
            Object e = list.get(k);
            if (!(e instanceof Number n)) {
                return null;
            }
            out[k] = n.longValue();
        }
        return out;
    }
}
