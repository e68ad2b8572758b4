package org.tol.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.StageRecord;
import org.tol.io.json.Json;

/** What a stage's OUT holds, from its commit records: units, rows, failed rows, files, each unit's details. */
final class StageSummary {
    private StageSummary() {}

    static Map<String, Object> of(Path output) throws IOException {
        OutLayout out = new OutLayout(output.toAbsolutePath());
        var plan = RunStore.read(out);
        Map<String, StageRecord> commits = new TreeMap<>(DoneState.load(out)
                .withInputs(plan == null ? java.util.Map.of() : plan.unitInputKeys()).stageCommits());
        long rows = 0;
        long failed = 0;
        long files = 0;
        Map<String, Object> units = new LinkedHashMap<>();
        for (StageRecord r : commits.values()) {
            rows += r.rows() == null ? 0 : r.rows();
            failed += r.failures() == null ? 0 : r.failures().size();
            files += r.files() == null ? 0 : r.files().size();
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("rows", r.rows());
            u.put("failed", r.failures() == null ? 0 : r.failures().size());
            u.put("files", r.files() == null ? 0 : r.files().size());
            if (r.details() != null && !r.details().isEmpty()) {
                u.put("details", r.details());
            }
            units.put(r.unit(), u);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", plan == null ? null : plan.filter());
        m.put("units_done", commits.size());
        m.put("units_total", plan == null ? 0 : plan.units().size());
        m.put("rows", rows);
        m.put("failed_rows", failed);
        m.put("files", files);
        m.put("units", units);
        return m;
    }

    static void print(Path output, boolean json, PrintWriter ps) {
        try {
            Map<String, Object> m = of(output);
            if (json) {
                ps.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
            } else {
                ps.printf("%s: %s/%s units, %s rows, %s failed rows, %s files in %s%n", m.get("stage"), m.get("units_done"),
                        m.get("units_total"), m.get("rows"), m.get("failed_rows"), m.get("files"), output);
            }
            ps.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
