package org.tol.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * What a run in OUT is: the filter, the parameters that change its output, and the full list of work units
 * (largest first). Stored once in {@code OUT/run.json}; every later start (any rank count) reuses it.
 */
public record RunPlan(String filter, Map<String, String> fingerprint, List<String> inputs, List<WorkUnit> units) {
    public RunPlan {
        fingerprint = Map.copyOf(fingerprint);
        inputs = List.copyOf(inputs);
        units = List.copyOf(units);
    }

    public long totalBytes() {
        return units.stream().mapToLong(WorkUnit::bytes).sum();
    }
}
