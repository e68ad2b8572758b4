package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.checkpoint.RankedPart;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.runtime.status.StageProgress;

/**
 * One read of the parts into the predictions and failures files (uncommitted until {@link #commit}), with the
 * counts the summary reports. Row numbers count every row read, in plan order, so two passes number alike.
 */
final class CollectPass implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollectPass.class);

    /** A unit's parts to read, in row order. */
    record UnitParts(String unitId, List<RankedPart> parts) {}

    private final ParquetRowWriter preds;
    private final ParquetRowWriter fails;
    // Counted in hash maps (a sorted map's string compares per row showed in the profile), sorted when read.
    private final Map<String, long[]> statusCounts = new HashMap<>();
    private final Map<String, long[]> labelCounts = new HashMap<>();
    /** Units whose reading stopped at a part that could not be read: unit id to "part: error". */
    final Map<String, String> unreadable = new LinkedHashMap<>();
    long rowsRead;
    long rowsWritten;
    long nullUuids;

    CollectPass(Path target, Path failures, List<Column> columns) throws IOException {
        preds = ParquetRowWriter.create(target, columns);
        ParquetRowWriter f = null;
        try {
            f = ParquetRowWriter.create(failures, columns);
        } finally {
            if (f == null) {
                preds.abort();
            }
        }
        fails = f;
    }

    /**
     * Writes the rows; with {@code spill}, records every uuid; with {@code drop}, skips those row numbers;
     * {@code progress} (may be null) advances one step per unit.
     */
    void run(List<UnitParts> units, List<String> names, UuidSpill spill, UuidSpill.LongBits drop,
            StageProgress progress) throws IOException {
        for (UnitParts u : units) {
            for (RankedPart p : u.parts()) {
                try {
                    PartRows.forEach(p.file(), names, row -> {
                        long n = rowsRead++;
                        Object uuid = row.get("uuid");
                        if (uuid == null) {
                            nullUuids++; // never a duplicate: nothing to compare by
                        } else if (spill != null) {
                            spill.add(n, uuid.toString(), RowDigest.of(names, row));
                        } else if (drop.get(n)) {
                            return;
                        }
                        write(row);
                    });
                } catch (IOException | RuntimeException e) {
                    // Only parts listed without a checksum (older manifests) can get here.
                    unreadable.put(u.unitId(), p.file().getFileName() + ": " + oneLine(e));
                    LOG.error("committed part {} of {} is unreadable: {}", p.file(), u.unitId(), oneLine(e));
                    break;
                }
            }
            if (progress != null) {
                progress.step(1);
            }
        }
    }

    private void write(Map<String, Object> row) throws IOException {
        rowsWritten++;
        preds.write(row);
        String status = String.valueOf(row.get("status"));
        statusCounts.computeIfAbsent(status, k -> new long[1])[0]++;
        if (!"ok".equals(status)) {
            fails.write(row);
        }
        // CLIP writes pred_label; other label-producing filters may call it label.
        Object label = row.containsKey("pred_label") ? row.get("pred_label") : row.get("label");
        if (label != null) {
            labelCounts.computeIfAbsent(label.toString(), k -> new long[1])[0]++;
        }
    }

    /** Rows written by status, sorted by status. */
    Map<String, Long> byStatus() {
        return sorted(statusCounts);
    }

    /** Rows written by label ({@code pred_label} or {@code label}), sorted by label. */
    Map<String, Long> byLabel() {
        return sorted(labelCounts);
    }

    private static Map<String, Long> sorted(Map<String, long[]> counts) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v[0]));
        return m;
    }

    void commit() throws IOException {
        preds.commit();
        fails.commit();
    }

    @Override
    public void close() {
        preds.close();
        fails.close();
    }

    static String oneLine(Exception e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
    }
}
