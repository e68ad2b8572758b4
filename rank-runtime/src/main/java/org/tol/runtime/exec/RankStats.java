package org.tol.runtime.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one rank's run, updated by the pipeline and read by the progress reporter. */
public final class RankStats {
    public final int rank;
    public final long unitsTotal;
    public final long unitsAssigned;
    public final AtomicLong unitsDone = new AtomicLong();
    public final AtomicLong unitsSkipped = new AtomicLong();
    public final AtomicLong unitsFailed = new AtomicLong();
    public final AtomicLong rows = new AtomicLong();
    public final AtomicLong rowsFailed = new AtomicLong();
    public final AtomicLong bytesDone = new AtomicLong();
    public final long bytesAssigned;
    public final long startedMillis = System.currentTimeMillis();
    private volatile String state = "running";
    private volatile Integer exitCode;
    /** Which job step this is (the sbatch scripts' TOL_STEP), so a script can tell this step's files from older ones. */
    private volatile String step;
    /** The host and pid, so {@code tol status} on the same host can tell a dead rank from a running one. */
    private final String host = HostName.get();

    public RankStats(int rank, long unitsTotal, long unitsAssigned, long bytesAssigned) {
        this.rank = rank;
        this.unitsTotal = unitsTotal;
        this.unitsAssigned = unitsAssigned;
        this.bytesAssigned = bytesAssigned;
    }

    public void state(String s) {
        state = s;
    }

    public String state() {
        return state;
    }

    /** The rank's final state and exit code (finished 0/3, interrupted 75, failed 1). */
    public void end(String s, int code) {
        state = s;
        exitCode = code;
    }

    public void step(String s) {
        step = s;
    }

    public double elapsedSeconds() {
        return Math.max(1e-3, (System.currentTimeMillis() - startedMillis) / 1000.0);
    }

    public double rowsPerSecond() {
        return rows.get() / elapsedSeconds();
    }

    /** Seconds left from the byte rate so far, or -1 when unknown (nothing done yet, or dynamic work queue). */
    public double etaSeconds() {
        long done = bytesDone.get();
        if (done <= 0 || bytesAssigned <= 0) {
            return -1;
        }
        return Math.max(0, (bytesAssigned - done) * elapsedSeconds() / done);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("state", state);
        m.put("units_total", unitsTotal);
        m.put("units_assigned", unitsAssigned);
        m.put("units_done", unitsDone.get());
        m.put("units_skipped", unitsSkipped.get());
        m.put("units_failed", unitsFailed.get());
        m.put("rows", rows.get());
        m.put("rows_failed", rowsFailed.get());
        m.put("bytes_assigned", bytesAssigned);
        m.put("bytes_done", bytesDone.get());
        m.put("elapsed_s", elapsedSeconds());
        m.put("rows_per_s", rowsPerSecond());
        m.put("eta_s", etaSeconds());
        if (exitCode != null) {
            m.put("exit_code", exitCode);
        }
        if (step != null) {
            m.put("step", step);
        }
        m.put("host", host);
        m.put("pid", ProcessHandle.current().pid());
        m.put("updated_at", java.time.Instant.now().toString());
        m.put("updated_ms", System.currentTimeMillis());
        return m;
    }
}
