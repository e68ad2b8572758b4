package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;

/** Reads every {@code stats/rank{R}.json} in OUT (ranks of earlier runs included). */
public final class RankStatsFiles {
    private RankStatsFiles() {}

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(OutLayout out) throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int r : out.ranksPresent()) {
            if (Files.exists(out.stats(r))) {
                try {
                    all.add(Json.mapper().readValue(out.stats(r).toFile(), Map.class));
                } catch (IOException e) {
                    // a stats file is rewritten atomically, so this is a foreign or damaged file: skip it
                }
            }
        }
        return all;
    }

    /** One stats file, or null when it is missing or unreadable. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readOne(Path file) {
        try {
            return Files.exists(file) ? Json.mapper().readValue(file.toFile(), Map.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * After a rerun that found nothing to do: the earlier run's counters (rows, rates, units) with this run's
     * state, exit code, step, host, pid and time, so {@code tol status} still shows what the job did.
     */
    public static void keepCounters(Path file, Map<String, Object> previous, Map<String, Object> now) {
        if (previous == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>(previous);
        for (String k : List.of("state", "exit_code", "step", "host", "pid", "updated_at", "updated_ms")) {
            if (now.containsKey(k)) {
                m.put(k, now.get(k));
            } else {
                m.remove(k);
            }
        }
        try {
            Json.writeAtomically(file, m);
        } catch (IOException e) {
            // the stats file only feeds tol status: losing the old counters is not worth failing the rank
        }
    }
}
