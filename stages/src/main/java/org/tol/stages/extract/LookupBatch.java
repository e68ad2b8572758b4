package org.tol.stages.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tol.api.TolException;
import org.tol.api.schema.Column;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * One lookup batch in memory (the reference broadcasts it too; a batch references at most N data files):
 * its columns in file order, its rows by uuid (in file order) and its distinct data-file paths, sorted.
 */
final class LookupBatch {
    final List<Column> columns;
    final Map<String, List<Map<String, Object>>> byUuid = new HashMap<>();
    final TreeSet<String> paths = new TreeSet<>();
    long rows;

    private LookupBatch(List<Column> columns) {
        this.columns = columns;
    }

    static LookupBatch read(Path dir) throws IOException {
        List<Path> files = BatchFiles.parquetFiles(dir);
        if (files.isEmpty()) {
            throw new IOException("no Parquet files in lookup batch " + dir);
        }
        LookupBatch b = null;
        for (Path f : files) {
            List<String> names = new ArrayList<>();
            for (Column c : ParquetFileInfo.read(f).columns()) {
                names.add(c.name());
            }
            if (!names.contains("uuid") || !names.contains("path")) {
                throw new TolException(f + " has no uuid or path column", "pass the output of tol lookup build as --lookup",
                        org.tol.api.ExitCodes.USAGE, null);
            }
            try (ParquetRows rows = ParquetRows.open(f, names)) {
                if (b == null) {
                    // The reference reads the leaf directory, so group_id is not a column of the batch.
                    b = new LookupBatch(rows.columns().stream().filter(c -> !c.name().equals("group_id")).toList());
                }
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (Column c : b.columns) {
                        row.put(c.name(), r.value(c.name()));
                    }
                    String uuid = r.string("uuid");
                    String path = r.string("path");
                    if (uuid == null || path == null) {
                        continue; // joins on uuid never match NULL; a NULL path names no file
                    }
                    b.byUuid.computeIfAbsent(uuid, k -> new ArrayList<>()).add(row);
                    b.paths.add(path);
                    b.rows++;
                }
            }
        }
        return b;
    }

    /** Only the batch's distinct data-file paths, sorted (reads the {@code path} column alone). */
    static TreeSet<String> paths(Path dir) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        for (Path f : BatchFiles.parquetFiles(dir)) {
            try (ParquetRows rows = ParquetRows.open(f, List.of("path"))) {
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    String p = r.string("path");
                    if (p != null) {
                        paths.add(p);
                    }
                }
            }
        }
        return paths;
    }

    /** The lookup row for an image found in {@code path}: the one naming that file, else the first. */
    Map<String, Object> rowFor(String uuid, String path) {
        List<Map<String, Object>> rs = byUuid.get(uuid);
        if (rs == null) {
            return null;
        }
        for (Map<String, Object> r : rs) {
            if (path.equals(String.valueOf(r.get("path")))) {
                return r;
            }
        }
        return rs.get(0);
    }
}
