package org.tol.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run in OUT is: the filter, the parameters that change its output, the full list of work units
 * (largest first), and who each input file was when it was planned. Stored in {@code OUT/run.json}; every later
 * start (any rank count) compares the inputs with it ({@link org.tol.checkpoint.InputCheck}) and reuses it.
 *
 * @param root  the inputs' common directory that unit ids are relative to (null in plans of older versions)
 * @param files identity of every planned input file by its path relative to {@code root} (null in older plans)
 */
public record RunPlan(String filter, Map<String, String> fingerprint, List<String> inputs, List<WorkUnit> units,
        String root, Map<String, FileIdentity> files) {
    public RunPlan {
        fingerprint = Map.copyOf(fingerprint);
        inputs = List.copyOf(inputs);
        units = List.copyOf(units);
        files = files == null ? null : new TreeMap<>(files);
    }

    /** A plan without input identities (they are recorded by the planner, see {@code Planner}). */
    public RunPlan(String filter, Map<String, String> fingerprint, List<String> inputs, List<WorkUnit> units) {
        this(filter, fingerprint, inputs, units, null, null);
    }

    public long totalBytes() {
        return units.stream().mapToLong(WorkUnit::bytes).sum();
    }

    /** Unit id to the identity key of its input file; empty when the plan recorded no identities. */
    @JsonIgnore
    public Map<String, String> unitInputKeys() {
        Map<String, String> keys = new HashMap<>();
        if (files != null) {
            for (WorkUnit u : units) {
                FileIdentity id = files.get(u.file());
                if (id != null) {
                    keys.put(u.id(), id.key());
                }
            }
        }
        return keys;
    }
}
