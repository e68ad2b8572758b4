package org.tol.stages.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's progress from its files (what {@code tol status} shows), and rows committed per rank over time. */
final class ProgressSection {
    private ProgressSection() {}

    /** Writes the section; true when the run is not finished (units left, or ranks still running). */
    @SuppressWarnings("unchecked")
    static boolean write(Html html, RunFiles run) {
        Map<String, Object> s = run.status();
        long total = ((Number) s.get("units_total")).longValue();
        long done = ((Number) s.get("units_done")).longValue();
        List<Map<String, Object>> ranks = (List<Map<String, Object>>) s.get("ranks");
        boolean running = ranks.stream().anyMatch(r -> "running".equals(r.get("state")) || "stalled".equals(r.get("state")));
        boolean inProgress = done < total || running;
        html.h3("Progress and throughput per rank");
        if (inProgress) {
            html.warn("IN PROGRESS (or stopped early): " + done + " of " + total + " units done; the figures below are what "
                    + "was committed so far");
        }
        double eta = ((Number) s.get("eta_s")).doubleValue();
        html.table(List.of("units done", "units total", "units failed", "rows committed", "rows/s (running ranks)", "ETA",
                "stalled ranks"), List.of(List.of(done, total, s.get("units_failed"), s.get("rows_committed"), s.get("rows_per_s"),
                eta < 0 ? "?" : Svg.num(Math.round(eta)) + " s", String.valueOf(s.get("stalled_ranks")))));
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : ranks) {
            rows.add(List.of(r.get("rank"), r.get("state"), r.get("units_done"), r.get("rows"), r.get("rows_per_s"),
                    Svg.num(Math.round(((Number) r.get("seconds_since_update")).doubleValue())) + " s ago"));
        }
        html.table(List.of("rank", "state", "units done", "rows", "rows/s", "stats updated"), rows);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<long[]>> e : run.timeline().entrySet()) {
            List<double[]> pts = new ArrayList<>();
            e.getValue().forEach(p -> pts.add(new double[] {p[0], p[1]}));
            series.put("rank " + e.getKey(), pts);
        }
        if (!series.isEmpty()) {
            html.raw(Svg.lines(series, "rows committed"));
            html.note("each point is a committed part (its file time); the slope is the rank's throughput");
        }
        List<?> failed = (List<?>) s.get("failed_units");
        if (!failed.isEmpty()) {
            html.h3("Failed input files");
            List<List<Object>> f = new ArrayList<>();
            failed.forEach(l -> {
                String[] parts = String.valueOf(l).split("\t", 2);
                f.add(List.of(parts[0], parts.length > 1 ? parts[1] : ""));
            });
            html.table(List.of("file", "reason"), f);
        }
        return inProgress;
    }
}
