package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.schema.Column;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RankedPart;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * {@code tol collect}: merges the committed parts of every rank (finished or not) into one predictions file,
 * collapses duplicate uuids whose rows are identical and reports those whose rows differ, writes the rows that
 * failed to {@code failures.parquet}, checks every planned unit is covered, and writes {@code summary.json}.
 * Memory does not grow with the row count: the uuids are spilled to OUT ({@link UuidSpill}) and rows stream.
 */
public final class Collector {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    private static final int MAX_EXAMPLES = 20;

    private final OutLayout out;
    private final boolean allowPartial;

    public record Result(int exitCode, Map<String, Object> summary, List<Map<String, Object>> missing) {}

    public Collector(OutLayout out, boolean allowPartial) {
        this.out = out;
        this.allowPartial = allowPartial;
    }

    public Result collect(Path target) throws IOException {
        RunPlan plan = RunStore.read(out);
        if (plan == null) {
            throw new TolException("no run found in " + out.root() + " (run.json is missing)",
                    "pass the --output directory of a 'tol filter' run", ExitCodes.USAGE, null);
        }
        DoneState done = DoneState.load(out);
        List<Column> columns = columnsOf(plan, done);
        List<String> names = columns.stream().map(Column::name).toList();
        List<Map<String, Object>> missing = new ArrayList<>();
        List<RankedPart> parts = partsToRead(plan, done, missing);
        long expectedRows = parts.stream().mapToLong(p -> p.record().rows()).sum();
        Pass pass;
        UuidSpill.Duplicates dups;
        // Pass 1 writes every row and spills the uuids; when they hold no duplicate (the usual case) its files
        // are the result, else pass 2 reads the parts again and leaves the duplicates out.
        try (UuidSpill spill = new UuidSpill(out.root().resolve(".collect-spill-" + ProcessHandle.current().pid()),
                expectedRows)) {
            pass = new Pass(target, columns);
            try {
                pass.run(parts, names, spill, null);
                dups = spill.resolve(MAX_EXAMPLES);
                if (!dups.dropped().isEmpty()) {
                    pass.close();
                    pass = new Pass(target, columns);
                    pass.run(parts, names, null, dups.dropped());
                }
                pass.commit();
            } finally {
                pass.close();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("filter", plan.filter());
        summary.put("fingerprint", plan.fingerprint());
        summary.put("units_total", plan.units().size());
        summary.put("units_complete", plan.units().size() - missing.size());
        summary.put("units_missing", missing.size());
        summary.put("partial", !missing.isEmpty());
        summary.put("rows_read", pass.rowsRead);
        summary.put("rows", pass.rowsWritten);
        summary.put("rows_null_uuid", pass.nullUuids);
        summary.put("rows_by_status", pass.byStatus);
        if (!pass.byLabel.isEmpty()) {
            summary.put("rows_by_label", pass.byLabel);
        }
        summary.put("duplicate_uuids_identical", dups.identical());
        summary.put("duplicate_uuids_conflicting", dups.conflicts());
        summary.put("conflicting_examples", dups.examples());
        summary.put("missing_units", missing);
        summary.put("ranks", RankStatsFiles.read(out));
        summary.put("predictions", target.toAbsolutePath().toString());
        summary.put("failures", out.failures().toString());
        Json.writeAtomically(out.summary(), summary);
        int code = missing.isEmpty() || allowPartial ? ExitCodes.OK : ExitCodes.INCOMPLETE;
        return new Result(code, summary, missing);
    }

    /** The parts to read, in plan order; each unit that is not complete on disk is added to {@code missing}. */
    private static List<RankedPart> partsToRead(RunPlan plan, DoneState done, List<Map<String, Object>> missing) {
        Map<String, String> failedUnits = done.failed();
        List<RankedPart> parts = new ArrayList<>();
        for (WorkUnit unit : plan.units()) {
            List<RankedPart> chain = done.contiguousParts(unit.id());
            boolean complete = done.isDone(unit) && !chain.isEmpty() && chain.get(chain.size() - 1).record().last();
            for (RankedPart p : chain) {
                if (Files.exists(p.file())) {
                    parts.add(p);
                } else {
                    complete = false;
                    LOG.error("committed part {} of {} is missing on disk", p.file(), unit.id());
                }
            }
            if (!complete) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", unit.id());
                m.put("path", unit.logLine());
                long rows = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).record().endRow();
                m.put("rows_committed", rows);
                String failed = failedUnits.get(unit.logLine());
                m.put("reason", failed != null ? "failed: " + failed
                        : rows > 0 ? "partial: interrupted after " + rows + " rows" : "not processed");
                missing.add(m);
            }
        }
        return parts;
    }

    /** One read of the parts into the predictions and failures files (uncommitted until {@link #commit}). */
    private final class Pass implements AutoCloseable {
        final ParquetRowWriter preds;
        final ParquetRowWriter fails;
        final Map<String, Long> byStatus = new TreeMap<>();
        final Map<String, Long> byLabel = new TreeMap<>();
        long rowsRead;
        long rowsWritten;
        long nullUuids;

        Pass(Path target, List<Column> columns) throws IOException {
            preds = ParquetRowWriter.create(target, columns);
            ParquetRowWriter f = null;
            try {
                f = ParquetRowWriter.create(out.failures(), columns);
            } finally {
                if (f == null) {
                    preds.abort();
                }
            }
            fails = f;
        }

        /** Writes the rows; with {@code spill}, records every uuid; with {@code drop}, skips those row numbers. */
        void run(List<RankedPart> parts, List<String> names, UuidSpill spill, UuidSpill.LongBits drop)
                throws IOException {
            for (RankedPart p : parts) {
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
            }
        }

        private void write(Map<String, Object> row) throws IOException {
            rowsWritten++;
            preds.write(row);
            String status = String.valueOf(row.get("status"));
            byStatus.merge(status, 1L, Long::sum);
            if (!"ok".equals(status)) {
                fails.write(row);
            }
            // CLIP writes pred_label; other label-producing filters may call it label.
            Object label = row.containsKey("pred_label") ? row.get("pred_label") : row.get("label");
            if (label != null) {
                byLabel.merge(label.toString(), 1L, Long::sum);
            }
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
    }

    private static List<Column> columnsOf(RunPlan plan, DoneState done) throws IOException {
        for (WorkUnit u : plan.units()) {
            for (RankedPart p : done.contiguousParts(u.id())) {
                if (Files.exists(p.file())) {
                    return ParquetFileInfo.read(p.file()).columns();
                }
            }
        }
        return List.of(Column.string("uuid"), Column.string("status"), Column.string("error"));
    }
}
