package org.tol.stages.extract;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.tol.api.schema.Column;
import org.tol.api.stage.UnitOutput;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * Writes rows into {@code <dir>/<prefix>part-00000.parquet}, {@code part-00001}, ... starting a new file when
 * the current one holds {@code maxRows} rows or about {@code maxBytes} bytes (binary cells counted exactly,
 * other cells as 16 bytes). Files go through the unit's output, so they appear only when the unit commits.
 */
final class RollingParts implements AutoCloseable {
    private final UnitOutput out;
    private final String dir;
    private final String prefix;
    private final List<Column> columns;
    private final long maxBytes;
    private final long maxRows;
    private ParquetRowWriter writer;
    private int next;
    private long rows;
    private long bytes;
    private long total;

    RollingParts(UnitOutput out, String dir, String prefix, List<Column> columns, long maxBytes, long maxRows) {
        this.out = out;
        this.dir = dir;
        this.prefix = prefix;
        this.columns = List.copyOf(columns);
        this.maxBytes = maxBytes <= 0 ? Long.MAX_VALUE : maxBytes;
        this.maxRows = maxRows <= 0 ? Long.MAX_VALUE : maxRows;
    }

    void write(Map<String, ?> row) throws IOException {
        if (writer != null && (rows >= maxRows || bytes >= maxBytes)) {
            writer.commit();
            writer = null;
        }
        if (writer == null) {
            writer = ParquetRowWriter.create(out.file(String.format("%s/%spart-%05d.parquet", dir, prefix, next++)), columns);
            rows = 0;
            bytes = 0;
        }
        writer.write(row);
        rows++;
        total++;
        for (Object v : row.values()) {
            bytes += v instanceof byte[] b ? b.length : 16;
        }
    }

    long rowsWritten() {
        return total;
    }

    int files() {
        return next;
    }

    /** Commits the last file (if any rows were written). */
    void finish() throws IOException {
        if (writer != null) {
            writer.commit();
            writer = null;
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.abort();
        }
    }
}
