package org.tol.runtime.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.collect.RankStatsFiles;

/**
 * One progress line for a whole run, all ranks together (what img2dataset users watch): a bar over units, rows
 * committed, failed units and rows, the summed rate of the running ranks and the ETA. Built from OUT's files, so
 * {@code tol launch}, {@code tol status --watch} and a login node see the same.
 */
public final class ProgressView {
    /** The run at one moment; {@code active} is false once no rank is running (finished, stopped or dead). */
    public record Snapshot(long unitsDone, long unitsTotal, long unitsFailed, long rows, long rowsFailed, double rowsPerS,
            double etaS, int ranksRunning, int ranksStalled, boolean active) {
        public boolean complete() {
            return unitsDone >= unitsTotal;
        }
    }

    private ProgressView() {}

    /** The snapshot of OUT now, or null while it has no plan yet (the ranks are still starting). */
    @SuppressWarnings("unchecked")
    public static Snapshot of(OutLayout out, double staleSeconds) throws IOException {
        if (!Files.exists(out.runFile())) {
            return null;
        }
        Map<String, Object> m = StatusReport.build(out, staleSeconds);
        int running = 0;
        int stalled = 0;
        for (Map<String, Object> r : (List<Map<String, Object>>) m.get("ranks")) {
            running += "running".equals(r.get("state")) ? 1 : 0;
            stalled += "stalled".equals(r.get("state")) ? 1 : 0;
        }
        long rowsFailed = 0;
        for (Map<String, Object> s : RankStatsFiles.read(out)) {
            if (s.get("rows_failed") instanceof Number n) {
                rowsFailed += n.longValue();
            }
        }
        long total = ((Number) m.get("units_total")).longValue();
        long done = ((Number) m.get("units_done")).longValue();
        return new Snapshot(done, total, ((Number) m.get("units_failed")).longValue(),
                ((Number) m.get("rows_committed")).longValue(), rowsFailed, ((Number) m.get("rows_per_s")).doubleValue(),
                ((Number) m.get("eta_s")).doubleValue(), running, stalled, running > 0 && done < total);
    }

    public static String line(Snapshot s) {
        double frac = s.unitsTotal() == 0 ? 1 : (double) s.unitsDone() / s.unitsTotal();
        int width = 24;
        int filled = (int) Math.round(frac * width);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String eta = s.complete() ? "done" : s.etaS() < 0 || !s.active() ? "?" : duration(s.etaS());
        return String.format(Locale.ROOT, "[%s] %3.0f%% units %d/%d | rows %,d | failed: %d units, %d rows | %.1f rows/s | ETA %s | "
                        + "ranks: %d running%s", bar, frac * 100, s.unitsDone(), s.unitsTotal(), s.rows(), s.unitsFailed(),
                s.rowsFailed(), s.rowsPerS(), eta, s.ranksRunning(), s.ranksStalled() > 0 ? ", " + s.ranksStalled() + " stalled" : "");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /**
     * Prints the line to {@code err}: redrawn in place on a terminal, one line per call otherwise (log files).
     */
    public static void print(PrintWriter err, String line, boolean terminal) {
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
        } else {
            err.println(line);
        }
        err.flush();
    }
}
