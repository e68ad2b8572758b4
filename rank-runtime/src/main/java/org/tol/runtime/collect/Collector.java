package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.tol.runtime.status.StageProgress;
import org.tol.io.parquet.ParquetFileInfo;

/**
 * {@code tol collect}: merges the committed parts of every rank (finished or not) into one predictions file,
 * collapses duplicate uuids whose rows are identical and reports those whose rows differ, writes the rows that
 * failed to {@code failures.parquet}, checks every planned unit is covered, and writes {@code summary.json}.
 * Memory does not grow with the row count: rows stream ({@link CollectPass}) and the uuids are spilled to OUT
 * ({@link UuidSpill}).
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
        List<Map<String, Object>> damaged = new ArrayList<>();
        List<CollectPass.UnitParts> units = new ArrayList<>();
        long expectedRows = 0;
        for (WorkUnit unit : plan.units()) {
            List<RankedPart> chain = done.contiguousParts(unit.id());
            units.add(new CollectPass.UnitParts(unit.id(), chain));
            expectedRows += chain.stream().mapToLong(p -> p.record().rows()).sum();
        }
        CollectPass pass;
        UuidSpill.Duplicates dups;
        // Pass 1 writes every row and spills the uuids; when they hold no duplicate (the usual case) its files
        // are the result, else pass 2 reads the parts again and leaves the duplicates out.
        try (UuidSpill spill = new UuidSpill(out.root().resolve(".collect-spill-" + ProcessHandle.current().pid()),
                expectedRows)) {
            pass = new CollectPass(target, out.failures(), columns);
            try {
                StageProgress progress = new StageProgress("collect", plan.units().size(), "units");
                pass.run(units, names, spill, null, progress);
                progress.finish();
                dups = spill.resolve(MAX_EXAMPLES);
                if (!dups.dropped().isEmpty()) {
                    pass.close();
                    pass = new CollectPass(target, out.failures(), columns);
                    pass.run(units, names, null, dups.dropped(), null);
                }
                pass.commit();
            } finally {
                pass.close();
            }
        }
        List<Map<String, Object>> missing = new ArrayList<>();
        Map<String, String> failedUnits = done.failed();
        for (int i = 0; i < units.size(); i++) {
            WorkUnit unit = plan.units().get(i);
            List<RankedPart> chain = units.get(i).parts();
            String unreadable = pass.unreadable.get(unit.id());
            boolean complete = unreadable == null && !chain.isEmpty() && chain.get(chain.size() - 1).record().last();
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
        summary.put("rows_by_status", pass.byStatus());
        Map<String, Long> byLabel = pass.byLabel();
        if (!byLabel.isEmpty()) {
            summary.put("rows_by_label", byLabel);
        }
        summary.put("duplicate_uuids_identical", dups.identical());
        summary.put("duplicate_uuids_conflicting", dups.conflicts());
        summary.put("conflicting_examples", dups.examples());
        summary.put("missing_units", missing);
        summary.put("damaged_parts", damaged);
        summary.put("ranks", RankStatsFiles.read(out));
        summary.put("predictions", target.toAbsolutePath().toString());
        if (org.tol.runtime.embed.EmbeddingSet.has(columns)) {
            var e = org.tol.runtime.embed.EmbeddingSet.write(List.of(target), out.embeddings(), org.tol.runtime.embed.EmbeddingSet.shardRows());
            summary.put("embeddings", Map.of("dir", out.embeddings().toString(), "rows", e.rows(), "shards", e.shards(), "dim", e.dim()));
        }
        summary.put("failures", out.failures().toString());
        Json.writeAtomically(out.summary(), summary);
        int code = missing.isEmpty() || allowPartial ? ExitCodes.OK : ExitCodes.INCOMPLETE;
        return new Result(code, summary, missing);
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
