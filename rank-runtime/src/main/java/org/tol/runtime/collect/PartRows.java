package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * Streams the rows of a prediction part (or any small Parquet file) as column maps. One map is refilled for
 * every row of a file (a new map per row was a tenth of collect's CPU): a consumer that keeps a row copies it.
 */
public final class PartRows {
    /** Receives one row; may throw I/O errors (e.g. a writer). */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Map<String, Object> row) throws IOException;
    }

    private PartRows() {}

    public static long forEach(Path part, List<String> columns, RowConsumer consumer) throws IOException {
        long n = 0;
        try (ParquetRows rows = ParquetRows.open(part, columns)) {
            Map<String, Object> m = new HashMap<>(2 * columns.size());
            for (Row r = rows.next(); r != null; r = rows.next()) {
                for (String c : columns) {
                    m.put(c, r.value(c));
                }
                consumer.accept(m);
                n++;
            }
        }
        return n;
    }
}
