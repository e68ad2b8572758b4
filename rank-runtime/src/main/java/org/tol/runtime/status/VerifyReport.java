package org.tol.runtime.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.FileIdentity;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RankedPart;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.runtime.collect.DamageReport;

/**
 * {@code tol verify}: checks OUT against its plan, its inputs and its manifests, reading every listed part's
 * checksum, without writing anything. Reports units not complete (missing), parts missing or damaged, and what
 * is stale: input files changed or gone since they were planned, and parts read from such older data.
 */
public final class VerifyReport {
    private VerifyReport() {}

    public static Map<String, Object> build(OutLayout out) throws IOException {
        RunPlan plan = RunStore.read(out);
        if (plan == null) {
            throw new TolException("no run found in " + out.root() + " (run.json is missing)",
                    "pass the --output directory of a 'tol filter' run", ExitCodes.USAGE, null);
        }
        List<Map<String, Object>> stale = staleInputs(plan);
        DoneState done = DoneState.load(out).withInputs(plan.unitInputKeys());
        List<Map<String, Object>> missing = new ArrayList<>();
        List<Map<String, Object>> damaged = new ArrayList<>();
        long rows = 0;
        for (WorkUnit u : plan.units()) {
            List<RankedPart> chain = done.contiguousParts(u.id());
            long committed = chain.isEmpty() ? 0 : chain.get(chain.size() - 1).record().endRow();
            rows += committed;
            damaged.addAll(DamageReport.damagedParts(done, u.id()));
            org.tol.checkpoint.StageRecord stage = done.stageCommit(u.id()); // a stage's unit: its listed files
            if (stage != null) {
                rows += stage.rows() == null ? 0 : stage.rows();
                damaged.addAll(org.tol.runtime.stage.StageCheck.damagedFiles(out, stage));
            }
            stale.addAll(DamageReport.staleParts(done, u.id()));
            if (!done.isDone(u)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", u.id());
                m.put("rows_committed", committed);
                String failed = done.failed().get(u.logLine());
                m.put("reason", failed != null ? "failed: " + failed
                        : committed > 0 ? "partial after " + committed + " rows" : "not processed");
                missing.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", out.root().toString());
        m.put("filter", plan.filter());
        m.put("units_total", plan.units().size());
        m.put("units_complete", plan.units().size() - missing.size());
        m.put("rows_committed", rows);
        m.put("missing_units", missing);
        m.put("damaged_parts", damaged);
        m.put("stale", stale);
        m.put("ok", missing.isEmpty() && damaged.isEmpty() && stale.isEmpty());
        return m;
    }

    /** Planned input files that are gone or hold other data now (by size and footer checksum). */
    private static List<Map<String, Object>> staleInputs(RunPlan plan) {
        List<Map<String, Object>> stale = new ArrayList<>();
        if (plan.files() == null) {
            return stale;
        }
        Map<String, String> pathOf = new LinkedHashMap<>();
        for (WorkUnit u : plan.units()) {
            pathOf.putIfAbsent(u.file(), u.path());
        }
        for (Map.Entry<String, FileIdentity> e : plan.files().entrySet()) {
            String path = pathOf.get(e.getKey());
            if (path == null) {
                continue;
            }
            String problem = null;
            Path p = Path.of(path);
            if (!Files.exists(p)) {
                problem = "input missing";
            } else {
                try {
                    FileIdentity now = FileIdentity.of(p);
                    if (!now.key().equals(e.getValue().key())) {
                        problem = "input changed since it was planned (" + e.getValue().key() + ", now " + now.key()
                                + "): rerun the filter with --replan";
                    }
                } catch (IOException ex) {
                    problem = "input unreadable: " + ex.getMessage();
                }
            }
            if (problem != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", path);
                m.put("problem", problem);
                stale.add(m);
            }
        }
        return stale;
    }

    public static String text(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s (%s): %s of %s units complete, %s rows committed: %s%n", m.get("output"),
                m.get("filter"), m.get("units_complete"), m.get("units_total"), m.get("rows_committed"),
                Boolean.TRUE.equals(m.get("ok")) ? "OK" : "NOT OK"));
        append(b, m, "missing_units", "missing", "unit", "reason");
        append(b, m, "damaged_parts", "damaged", "part", "problem");
        append(b, m, "stale", "stale", "file", "problem");
        return b.toString().stripTrailing();
    }

    @SuppressWarnings("unchecked")
    private static void append(StringBuilder b, Map<String, Object> m, String key, String label, String what,
            String why) {
        for (Map<String, Object> e : (List<Map<String, Object>>) m.get(key)) {
            b.append("  ").append(label).append(": ").append(e.getOrDefault(what, e.get("part"))).append("  ")
                    .append(e.get(why)).append('\n');
        }
    }
}
