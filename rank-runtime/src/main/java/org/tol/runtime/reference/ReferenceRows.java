package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * The reference run's result rows by uuid, as tol rows. Per rank, the cumulative checkpoints are read oldest
 * first and the final {@code predictions_rank{R}.parquet} last, so for every uuid the newest file wins; an
 * unreadable file (a checkpoint torn by the crash that stopped the run) is skipped, leaving the older rows.
 * The reference names the uuid {@code uuid} (CLIP, faces) or {@code img_id} (MegaDetector); its other columns
 * map to tol's columns of the same name; it only wrote rows that succeeded, so status is {@code ok}.
 */
final class ReferenceRows {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceRows.class);

    private ReferenceRows() {}

    static Map<String, Map<String, Object>> read(Path aside, List<Column> columns) throws IOException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Path f : filesOldestFirst(aside)) {
            try {
                int n = readInto(f, columns, rows);
                LOG.info("reference rows: {} from {}", n, f);
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping unreadable reference file {} ({}); older checkpoints still count", f, e.toString());
            }
        }
        return rows;
    }

    private static List<Path> filesOldestFirst(Path aside) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : ReferenceFiles.list(aside)) {
            if (dir.getFileName().toString().startsWith("checkpoints_rank")) {
                List<Path> cps = new ArrayList<>(ReferenceFiles.list(dir).stream()
                        .filter(f -> ReferenceFiles.CHECKPOINT.matcher(f.getFileName().toString()).matches()).toList());
                cps.sort(Comparator.comparingLong(ReferenceRows::batchOf));
                files.addAll(cps);
            }
        }
        for (Path f : ReferenceFiles.list(aside)) {
            if (f.getFileName().toString().startsWith("predictions_rank")) {
                files.add(f); // the final file of its rank: newer than any of its checkpoints
            }
        }
        return files;
    }

    private static long batchOf(Path checkpoint) {
        Matcher m = ReferenceFiles.CHECKPOINT.matcher(checkpoint.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int readInto(Path file, List<Column> columns, Map<String, Map<String, Object>> rows)
            throws IOException {
        List<String> present = ParquetFileInfo.read(file).columns().stream().map(Column::name).toList();
        String idColumn = present.contains("uuid") ? "uuid" : present.contains("img_id") ? "img_id" : null;
        if (idColumn == null) {
            throw new IOException("no uuid or img_id column (columns: " + present + ")");
        }
        List<String> read = new ArrayList<>(present);
        int n = 0;
        try (ParquetRows r = ParquetRows.open(file, read)) {
            for (Row row = r.next(); row != null; row = r.next()) {
                Object id = row.value(idColumn);
                if (id == null) {
                    continue;
                }
                Map<String, Object> m = new HashMap<>();
                for (Column c : columns) {
                    m.put(c.name(), present.contains(c.name()) ? coerce(row.value(c.name()), c.type()) : null);
                }
                m.put("uuid", id.toString());
                m.put("status", "ok");
                m.put("error", null);
                rows.put(id.toString(), m);
                n++;
            }
        }
        return n;
    }

    /** Numbers as the tol column's type (the reference's pandas may write float32 or int32 where tol has 64). */
    private static Object coerce(Object v, ColumnType type) {
        if (!(v instanceof Number n) || !(type instanceof ColumnType.Primitive p)) {
            return v;
        }
        return switch (p) {
            case DOUBLE -> n.doubleValue();
            case FLOAT -> n.floatValue();
            case INT64 -> n.longValue();
            case INT32 -> n.intValue();
            default -> v;
        };
    }
}
