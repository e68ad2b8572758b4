package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.Manifests;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartCheck;
import org.tol.checkpoint.PartNames;
import org.tol.checkpoint.PartRecord;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * Writes the deduplicated reference rows ({@link ReferenceRows}: table {@code ref}) as tol parts: the planned
 * input files' uuids go to table {@code pos(f, r, uuid)} (file number, row in file), the join with the rows
 * that count streams back ordered by file and row, and every run of consecutive rows of one unit that have a reference row
 * becomes one part in {@code checkpoints_import/}, written while the rows stream by. Java holds one row and one
 * open part at a time.
 */
final class ImportedParts {
    private static final Logger LOG = LoggerFactory.getLogger(ImportedParts.class);

    private final OutLayout out;
    private final RunPlan plan;
    private final List<Column> columns;
    private final List<Column> refColumns;
    private final Map<String, String> keys;
    /** Per unit (plan order): rows in the unit (0 when its file cannot be read) and rows imported. */
    final long[] unitRows;
    final long[] covered;
    /** Per input file number: its units' plan indexes, by first row; their first rows in the file. */
    private final List<int[]> unitsOfFile = new ArrayList<>();
    private final List<long[]> startsOfFile = new ArrayList<>();
    /** Per input file number: its rows (0 when it cannot be read). */
    private final List<Long> fileRows = new ArrayList<>();

    ImportedParts(OutLayout out, RunPlan plan, List<Column> columns) {
        this.out = out;
        this.plan = plan;
        this.columns = columns;
        this.refColumns = ReferenceRows.columns(columns);
        this.keys = plan.unitInputKeys();
        this.unitRows = new long[plan.units().size()];
        this.covered = new long[plan.units().size()];
    }

    void write(ImportDb db) throws IOException, SQLException {
        loadInputs(db);
        LOG.info("input uuids: {} rows of {} files; joining and writing the parts", db.count("SELECT count(*) FROM pos"),
                unitsOfFile.size());
        StringBuilder sql = new StringBuilder("SELECT p.f, p.r, x.uuid");
        for (int i = 0; i < refColumns.size(); i++) {
            sql.append(", x.c").append(i);
        }
        // Newest reference row first for each input row; the others are skipped below. The input files are
        // joined a batch at a time: DuckDB builds its hash table from the batch's uuids (bounded by
        // tol.import.batchRows) and streams all reference rows past it; one join of everything ran out of 256 MB
        // at 10M x 12.5M rows, and its grouped max over the reference rows too (a sort spills; those did not).
        sql.append(" FROM pos p JOIN ref x ON p.uuid = x.uuid WHERE p.f BETWEEN ? AND ? ORDER BY p.f, p.r, x.ord DESC");
        long batchRows = Long.getLong("tol.import.batchRows", 2_000_000L);
        Run run = null;
        for (int from = 0; from < fileRows.size(); ) {
            int to = from;
            long rows = fileRows.get(from);
            while (to + 1 < fileRows.size() && rows + fileRows.get(to + 1) <= batchRows) {
                rows += fileRows.get(++to);
            }
            run = join(db, sql.toString(), from, to, run);
            from = to + 1;
        }
        if (run != null) {
            run.close();
        }
    }

    /** Writes the joined rows of input files {@code from..to}; returns the part still open. */
    private Run join(ImportDb db, String sql, int from, int to, Run open) throws IOException, SQLException {
        Run run = open;
        try (var st = db.connection().prepareStatement(sql)) {
            st.setInt(1, from);
            st.setInt(2, to);
            try (ResultSet rs = st.executeQuery()) {
                int lastF = -1;
                long lastR = -1;
                while (rs.next()) {
                    int f = rs.getInt(1);
                    long r = rs.getLong(2);
                    if (f == lastF && r == lastR) {
                        continue; // an older reference row of the same uuid
                    }
                    lastF = f;
                    lastR = r;
                    int i = unitIndexAt(f, r);
                    int unit = unitsOfFile.get(f)[i];
                    long inUnit = r - startsOfFile.get(f)[i];
                    if (inUnit < 0 || inUnit >= unitRows[unit]) {
                        continue; // a row no unit plans (cannot happen with the planner's units)
                    }
                    if (run != null && (run.unit != unit || run.next != r)) {
                        run.close();
                        run = null;
                    }
                    if (run == null) {
                        run = new Run(unit, inUnit, r);
                    }
                    run.add(row(rs));
                }
            }
        }
        return run;
    }

    /** Table pos: every planned input file's uuids once (a file split into row-group units is read once). */
    private void loadInputs(ImportDb db) throws SQLException {
        db.execute("CREATE TABLE pos (f INTEGER, r BIGINT, uuid VARCHAR)");
        Map<String, List<Integer>> byPath = new LinkedHashMap<>();
        for (int u = 0; u < plan.units().size(); u++) {
            byPath.computeIfAbsent(plan.units().get(u).path(), k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<String, List<Integer>> e : byPath.entrySet()) {
            int f = unitsOfFile.size();
            List<Integer> units = new ArrayList<>(e.getValue());
            units.sort((a, b) -> Integer.compare(plan.units().get(a).firstRowGroup(), plan.units().get(b).firstRowGroup()));
            long[] starts = new long[units.size()];
            unitsOfFile.add(units.stream().mapToInt(Integer::intValue).toArray());
            startsOfFile.add(starts);
            Path file = Path.of(e.getKey());
            fileRows.add(0L);
            try {
                ParquetFileInfo info = ParquetFileInfo.read(file);
                List<ParquetFileInfo.RowGroupInfo> groups = info.rowGroups();
                db.execute("INSERT INTO pos SELECT " + f + ", file_row_number, CAST(uuid AS VARCHAR) FROM "
                        + ImportDb.readParquet(file) + " WHERE uuid IS NOT NULL");
                db.execute("CHECKPOINT");
                fileRows.set(f, info.rowCount());
                for (int i = 0; i < units.size(); i++) {
                    WorkUnit unit = plan.units().get(units.get(i));
                    int end = unit.wholeFile() ? groups.size() : Math.min(unit.endRowGroup(), groups.size());
                    long start = 0;
                    long rows = 0;
                    for (ParquetFileInfo.RowGroupInfo g : groups) {
                        start += g.index() < unit.firstRowGroup() ? g.rowCount() : 0;
                        rows += g.index() >= unit.firstRowGroup() && g.index() < end ? g.rowCount() : 0;
                    }
                    starts[i] = start;
                    unitRows[units.get(i)] = rows;
                }
            } catch (IOException | SQLException | RuntimeException ex) {
                LOG.warn("cannot read the uuids of {} ({}); it is processed anew", file, ex.toString());
                Arrays.fill(starts, Long.MAX_VALUE); // no unit of it gets rows
            }
        }
    }

    /** Index (in its file's units) of the unit of file {@code f} holding row {@code r}: the last starting at or before it. */
    private int unitIndexAt(int f, long r) {
        long[] starts = startsOfFile.get(f);
        int i = starts.length - 1;
        while (i > 0 && starts[i] > r) {
            i--;
        }
        return i;
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> m = new HashMap<>();
        for (Column c : columns) {
            m.put(c.name(), null);
        }
        for (int i = 0; i < refColumns.size(); i++) {
            Object v = rs.getObject(4 + i);
            m.put(refColumns.get(i).name(), v instanceof Blob b ? b.getBytes(1, (int) b.length()) : v);
        }
        m.put("uuid", rs.getString(3));
        m.put("status", "ok"); // the reference saved only rows that succeeded
        m.put("error", null);
        return m;
    }

    /** One part being written: rows {@code first..} of a unit; row {@code next} of the file comes next. */
    private final class Run {
        final int unit;
        final long first;
        long next;
        long rows;
        final Path file;
        final ParquetRowWriter writer;

        Run(int unit, long first, long fileRow) throws IOException {
            this.unit = unit;
            this.first = first;
            this.next = fileRow;
            this.file = out.importDir().resolve(PartNames.part(plan.units().get(unit).id(), first));
            this.writer = ParquetRowWriter.create(file, columns);
        }

        void add(Map<String, Object> row) throws IOException {
            writer.write(row);
            next++;
            rows++;
        }

        void close() throws IOException {
            try (ParquetRowWriter w = writer) {
                w.commit();
            }
            long end = first + rows;
            WorkUnit u = plan.units().get(unit);
            covered[unit] += rows;
            PartRecord rec = new PartRecord(u.id(), file.getFileName().toString(), first, end,
                    end == unitRows[unit], Files.size(file), PartCheck.crc32c(file), keys.get(u.id()));
            AppendLog.append(out.importDir().resolve(OutLayout.MANIFEST), Manifests.line(rec));
        }
    }
}
