package org.tol.runtime.collect;

import java.io.IOException;
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
        DoneState done = DoneState.load(out).withInputs(plan.unitInputKeys());
        List<Column> columns = columnsOf(plan, done);
        List<String> names = columns.stream().map(Column::name).toList();
        RowDeduplicator dedup = new RowDeduplicator(names, MAX_EXAMPLES);
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byLabel = new TreeMap<>();
        List<Map<String, Object>> missing = new ArrayList<>();
        List<Map<String, Object>> damaged = new ArrayList<>();
        Map<String, String> failedUnits = done.failed();
        long rowsOut = 0;
        try (ParquetRowWriter preds = ParquetRowWriter.create(target, columns);
                ParquetRowWriter fails = ParquetRowWriter.create(out.failures(), columns)) {
            for (WorkUnit unit : plan.units()) {
                List<RankedPart> chain = done.contiguousParts(unit.id());
                boolean complete = !chain.isEmpty() && chain.get(chain.size() - 1).record().last();
                String unreadable = null;
                for (RankedPart p : chain) {
                    try {
                        rowsOut += PartRows.forEach(p.file(), names, row -> {
                            if (!dedup.firstTime(row)) {
                                return;
                            }
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
                        });
                    } catch (IOException | RuntimeException e) {
                        // Only parts listed without a checksum (older manifests) can get here.
                        complete = false;
                        unreadable = p.file().getFileName() + ": " + oneLine(e);
                        LOG.error("committed part {} of {} is unreadable: {}", p.file(), unit.id(), oneLine(e));
                        break;
                    }
                }
                List<Map<String, Object>> bad = DamageReport.damagedParts(done, unit.id());
                damaged.addAll(bad);
                if (!complete) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("unit", unit.id());
                    m.put("path", unit.logLine());
                    long rows = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).record().endRow();
                    m.put("rows_committed", rows);
                    String failed = failedUnits.get(unit.logLine());
                    m.put("reason", unreadable != null ? "unreadable part " + unreadable
                            : !bad.isEmpty() ? "damaged part " + bad.get(0).get("part") + " (" + bad.get(0).get("problem")
                                    + "): redone from row " + rows + " by the next filter run"
                            : failed != null ? "failed: " + failed
                            : rows > 0 ? "partial: interrupted after " + rows + " rows" : "not processed");
                    missing.add(m);
                }
            }
            preds.commit();
            fails.commit();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("filter", plan.filter());
        summary.put("fingerprint", plan.fingerprint());
        summary.put("units_total", plan.units().size());
        summary.put("units_complete", plan.units().size() - missing.size());
        summary.put("units_missing", missing.size());
        summary.put("partial", !missing.isEmpty());
        summary.put("rows_read", rowsOut);
        summary.put("rows", dedup.unique());
        summary.put("rows_null_uuid", dedup.nullUuids());
        summary.put("rows_by_status", byStatus);
        if (!byLabel.isEmpty()) {
            summary.put("rows_by_label", byLabel);
        }
        summary.put("duplicate_uuids_identical", dedup.identicalDuplicates());
        summary.put("duplicate_uuids_conflicting", dedup.conflicts());
        summary.put("conflicting_examples", dedup.conflictExamples());
        summary.put("missing_units", missing);
        summary.put("damaged_parts", damaged);
        summary.put("ranks", RankStatsFiles.read(out));
        summary.put("predictions", target.toAbsolutePath().toString());
        summary.put("failures", out.failures().toString());
        Json.writeAtomically(out.summary(), summary);
        int code = missing.isEmpty() || allowPartial ? ExitCodes.OK : ExitCodes.INCOMPLETE;
        return new Result(code, summary, missing);
    }

    private static String oneLine(Exception e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
    }

    private static List<Column> columnsOf(RunPlan plan, DoneState done) throws IOException {
        for (WorkUnit u : plan.units()) {
            for (RankedPart p : done.contiguousParts(u.id())) {
                try {
                    return ParquetFileInfo.read(p.file()).columns();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("cannot read the schema of {}: {}", p.file(), e.toString());
                }
            }
        }
        return List.of(Column.string("uuid"), Column.string("status"), Column.string("error"));
    }
}
