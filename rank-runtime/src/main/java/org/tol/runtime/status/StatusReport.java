package org.tol.runtime.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartCheck;
import org.tol.checkpoint.RankedPart;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.runtime.collect.DamageReport;
import org.tol.runtime.collect.RankStatsFiles;
import org.tol.runtime.exec.HostName;

/**
 * {@code tol status}: a job's progress rebuilt from OUT's files alone (plan, processed logs, manifests,
 * failed logs, per-rank stats), so it works from a login node while the job runs, or after it died.
 */
public final class StatusReport {
    /** {@code tol status}'s exit code while ranks are still running. */
    public static final int EXIT_RUNNING = 4;

    private StatusReport() {}

    public static Map<String, Object> build(OutLayout out, double staleSeconds) throws IOException {
        RunPlan plan = RunStore.read(out);
        if (plan == null) {
            throw new TolException("no run found in " + out.root() + " (run.json is missing)",
                    "pass the --output directory of a 'tol filter' run", ExitCodes.USAGE, null);
        }
        // Sizes only: status is polled while jobs run; 'tol verify' and 'tol collect' also check the checksums.
        DoneState done = DoneState.load(out, PartCheck.Depth.SIZE).withInputs(plan.unitInputKeys());
        List<Map<String, Object>> damaged = new ArrayList<>();
        long unitsDone = 0;
        long rows = 0;
        long bytesLeft = 0;
        List<String> failed = new ArrayList<>();
        Map<String, String> failedReasons = done.failed();
        for (WorkUnit u : plan.units()) {
            List<RankedPart> chain = done.contiguousParts(u.id());
            rows += chain.isEmpty() ? 0 : chain.get(chain.size() - 1).record().endRow();
            org.tol.checkpoint.StageRecord stage = done.stageCommit(u.id()); // a stage's unit: rows in its record
            rows += stage == null || stage.rows() == null ? 0 : stage.rows();
            if (done.isDone(u)) {
                unitsDone++;
            } else {
                damaged.addAll(DamageReport.damagedParts(done, u.id()));
                bytesLeft += u.bytes();
                if (failedReasons.containsKey(u.logLine())) {
                    failed.add(u.logLine() + "\t" + failedReasons.get(u.logLine()));
                }
            }
        }
        long now = System.currentTimeMillis();
        double rate = 0;
        double byteRate = 0;
        List<Map<String, Object>> ranks = new ArrayList<>();
        List<Integer> stalled = new ArrayList<>();
        List<Integer> dead = new ArrayList<>();
        int running = 0;
        for (Map<String, Object> s : RankStatsFiles.read(out)) {
            try {
                Map<String, Object> r = new LinkedHashMap<>();
                int rank = ((Number) s.get("rank")).intValue();
                double rowsPerS = ((Number) s.get("rows_per_s")).doubleValue();
                double age = (now - ((Number) s.getOrDefault("updated_ms", now)).longValue()) / 1000.0;
                String state = rankState(s, age, staleSeconds);
                r.put("rank", rank);
                r.put("state", state);
                r.put("units_done", s.get("units_done"));
                r.put("rows", s.get("rows"));
                r.put("rows_per_s", rowsPerS);
                r.put("seconds_since_update", age);
                r.put("host", s.get("host"));
                r.put("pid", s.get("pid"));
                ranks.add(r);
                switch (state) {
                    case "stalled" -> stalled.add(rank);
                    case "dead" -> dead.add(rank);
                    case "running" -> {
                        running++;
                        rate += rowsPerS;
                        double elapsed = ((Number) s.get("elapsed_s")).doubleValue();
                        byteRate += ((Number) s.get("bytes_done")).doubleValue() / Math.max(1e-3, elapsed);
                    }
                    default -> { }
                }
            } catch (RuntimeException e) {
                // valid JSON without the expected fields: not a stats file tol wrote whole; skip it
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", out.root().toString());
        m.put("filter", plan.filter());
        // One word for the whole job, from the same facts as the rank lines below it.
        m.put("state", unitsDone == plan.units().size() ? "done" : running > 0 ? "running" : "incomplete");
        m.put("units_total", plan.units().size());
        m.put("units_done", unitsDone);
        m.put("units_failed", failed.size());
        m.put("rows_committed", rows);
        m.put("rows_per_s", rate);
        m.put("eta_s", byteRate > 0 ? bytesLeft / byteRate : (bytesLeft == 0 ? 0.0 : -1.0));
        m.put("failed_units", failed);
        m.put("damaged_parts", damaged);
        m.put("stalled_ranks", stalled);
        m.put("dead_ranks", dead);
        m.put("ranks", ranks);
        return m;
    }

    /**
     * A rank's state as its file says, except that a "running" rank whose process is gone from this host is
     * "dead", and one on another host that stopped updating is "stalled".
     */
    static String rankState(Map<String, Object> s, double ageSeconds, double staleSeconds) {
        String state = String.valueOf(s.get("state"));
        if (!"running".equals(state)) {
            return state;
        }
        if (HostName.get().equals(s.get("host")) && s.get("pid") instanceof Number pid
                && ProcessHandle.of(pid.longValue()).map(p -> !p.isAlive()).orElse(true)) {
            return "dead";
        }
        return ageSeconds > staleSeconds ? "stalled" : state;
    }

    /** {@code tol status}'s exit code: 0 done, 3 stopped before every unit was done, 4 still running. */
    public static int exitCode(Map<String, Object> m) {
        return switch (String.valueOf(m.get("state"))) {
            case "done" -> ExitCodes.OK;
            case "running" -> EXIT_RUNNING;
            default -> ExitCodes.INCOMPLETE;
        };
    }

    public static String text(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        double eta = ((Number) m.get("eta_s")).doubleValue();
        b.append(String.format(Locale.ROOT, "%s (%s): %s, %s/%s units done, %s failed, %s rows committed, %.1f rows/s, ETA %s%n",
                m.get("output"), m.get("filter"), m.get("state"), m.get("units_done"), m.get("units_total"), m.get("units_failed"),
                m.get("rows_committed"), ((Number) m.get("rows_per_s")).doubleValue(),
                eta < 0 ? "?" : String.format(Locale.ROOT, "%.0f s", eta)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranks = (List<Map<String, Object>>) m.get("ranks");
        for (Map<String, Object> r : ranks) {
            b.append(String.format(Locale.ROOT, "  rank %-4s %-11s units %-6s rows %-10s %8.1f rows/s  updated %.0f s ago on %s (pid %s)%n",
                    r.get("rank"), r.get("state"), r.get("units_done"), r.get("rows"),
                    ((Number) r.get("rows_per_s")).doubleValue(), ((Number) r.get("seconds_since_update")).doubleValue(),
                    r.get("host"), r.get("pid")));
        }
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) m.get("failed_units");
        for (String f : failed) {
            b.append("  failed: ").append(f.replace('\t', ' ')).append('\n');
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> damaged = (List<Map<String, Object>>) m.get("damaged_parts");
        for (Map<String, Object> d : damaged) {
            b.append("  damaged part (redone by the next run): ").append(d.get("part")).append(": ")
                    .append(d.get("problem")).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
