package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.parquet.ParquetFileInfo;

/**
 * The reference run's result rows in an {@link ImportDb}: table {@code ref(uuid, ord, c0..cN)} holds every row
 * read ({@code c}i is {@link #columns}' i-th column in tol's type); of the rows of one uuid the one with the
 * greatest {@code ord} counts (file number * 2^40 + row in the file: the newest). All files are read, each once:
 * per rank the cumulative checkpoints by batch number ascending, then every {@code predictions_rank{R}.parquet},
 * and for every uuid the newest file wins (within a file, the later row). Reading only the newest checkpoint
 * would not do: a reference restarted after a crash starts its results empty and its batch numbers at 1, so
 * an older session's higher-numbered checkpoints hold rows that no newer file repeats. An unreadable file (a
 * checkpoint torn by the crash that stopped the run) is skipped, leaving the older rows; DuckDB inserts a file
 * all or nothing. The reference names the uuid {@code uuid} (CLIP, faces) or {@code img_id} (MegaDetector); its
 * other columns map to tol's columns of the same name and primitive type (all it writes: string, int64,
 * double, boolean).
 */
final class ReferenceRows {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceRows.class);
    private static final List<String> OWN = List.of("uuid", "status", "error");

    private ReferenceRows() {}

    /** tol's columns an imported row takes from the reference's files; the rest are tol's own or null. */
    static List<Column> columns(List<Column> tolColumns) {
        return tolColumns.stream().filter(c -> !OWN.contains(c.name()) && sqlType(c.type()) != null).toList();
    }

    /** Loads and deduplicates; returns the number of distinct uuids. */
    static long load(ImportDb db, Path aside, List<Column> tolColumns) throws IOException, SQLException {
        List<Column> cols = columns(tolColumns);
        StringBuilder create = new StringBuilder("CREATE TABLE ref (uuid VARCHAR, ord BIGINT");
        for (int i = 0; i < cols.size(); i++) {
            create.append(", c").append(i).append(' ').append(sqlType(cols.get(i).type()));
        }
        db.execute(create.append(')').toString());
        List<Path> files = filesOldestFirst(aside);
        for (int f = 0; f < files.size(); f++) {
            try {
                long n = insert(db, files.get(f), f, cols);
                db.execute("CHECKPOINT"); // the rows to the database file: blocks it can drop, not spill
                LOG.info("reference rows: {} from {}", n, files.get(f));
            } catch (IOException | SQLException | RuntimeException e) {
                LOG.warn("skipping unreadable reference file {} ({}); older checkpoints still count", files.get(f),
                        e.toString());
            }
        }
        // The distinct uuids by a sort, the operator DuckDB spills best: its grouped max or count(DISTINCT) ran
        // out of 256 MB at 12.5M rows (1 thread) where sorting did not.
        long n = 0;
        try (var st = db.connection().createStatement(); var rs = st.executeQuery("SELECT uuid FROM ref ORDER BY uuid")) {
            String last = null;
            while (rs.next()) {
                String u = rs.getString(1);
                n += u.equals(last) ? 0 : 1;
                last = u;
            }
        }
        LOG.info("reference rows: {} distinct uuids", n);
        return n;
    }

    private static long insert(ImportDb db, Path file, int fileNo, List<Column> cols) throws IOException, SQLException {
        Map<String, ColumnType> present = ParquetFileInfo.read(file).columns().stream()
                .collect(Collectors.toMap(Column::name, Column::type, (a, b) -> a));
        String id = present.containsKey("uuid") ? "uuid" : present.containsKey("img_id") ? "img_id" : null;
        if (id == null) {
            throw new IOException("no uuid or img_id column (columns: " + present.keySet() + ")");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ref SELECT CAST(").append(ImportDb.ident(id))
                .append(" AS VARCHAR), ").append(fileNo).append("::BIGINT * 1099511627776 + file_row_number");
        for (Column c : cols) {
            sql.append(", ").append(present.containsKey(c.name()) ? cast(c, present.get(c.name())) : "NULL");
        }
        sql.append(" FROM ").append(ImportDb.readParquet(file)).append(" WHERE ").append(ImportDb.ident(id))
                .append(" IS NOT NULL");
        try (var s = db.connection().createStatement()) {
            return s.executeUpdate(sql.toString());
        }
    }

    /** The reference's value in tol's type, as Java's Number conversions did (floating to integer truncates). */
    private static String cast(Column c, ColumnType from) {
        String col = ImportDb.ident(c.name());
        boolean floating = from == ColumnType.Primitive.FLOAT || from == ColumnType.Primitive.DOUBLE;
        boolean integral = c.type() == ColumnType.Primitive.INT32 || c.type() == ColumnType.Primitive.INT64;
        return "CAST(" + (floating && integral ? "trunc(" + col + ")" : col) + " AS " + sqlType(c.type()) + ")";
    }

    /** DuckDB's type for a primitive tol type; null for lists and structs (the reference writes none). */
    static String sqlType(ColumnType t) {
        if (!(t instanceof ColumnType.Primitive p)) {
            return null;
        }
        return switch (p) {
            case STRING -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case BINARY -> "BLOB";
        };
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
}
