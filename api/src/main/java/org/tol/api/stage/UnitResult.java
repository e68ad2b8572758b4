package org.tol.api.stage;

import java.util.List;
import java.util.Map;

/**
 * What one unit did, stored in its manifest record ({@code checkpoints_rank{R}/outputs.jsonl}).
 *
 * @param rows     rows (or items) the unit handled
 * @param failures rows that failed, each {@code key} (uuid), {@code status}, {@code error}; the unit still
 *                 commits, and the rank exits 3 (finished, but some inputs failed)
 * @param details  stage-specific facts worth keeping (renamed files, rows missing from an index, ...)
 */
public record UnitResult(long rows, List<Map<String, String>> failures, Map<String, Object> details) {
    public UnitResult {
        failures = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(failures));
        // Insertion order kept (the manifest record is written as JSON and should read the same every run).
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public static UnitResult of(long rows) {
        return new UnitResult(rows, List.of(), Map.of());
    }

    public static Map<String, String> failure(String key, String status, String error) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("key", key);
        m.put("status", status);
        m.put("error", error);
        return m;
    }
}
