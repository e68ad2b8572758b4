package org.tol.runtime.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.RankedPart;

/** The listed parts of a unit that do not count, with why: shared by collect, status and verify. */
public final class DamageReport {
    private DamageReport() {}

    /**
     * One entry per listed part of an incomplete unit that is missing or damaged (not stale: see
     * {@link #staleParts}): unit, part (path), problem. Once a unit is complete again (redone), the damaged parts
     * it no longer uses are not reported.
     */
    public static List<Map<String, Object>> damagedParts(DoneState done, String unitId) {
        return parts(done, unitId, false);
    }

    /** The listed parts of a unit that were read from input data that has changed since (after --replan). */
    public static List<Map<String, Object>> staleParts(DoneState done, String unitId) {
        return parts(done, unitId, true);
    }

    private static List<Map<String, Object>> parts(DoneState done, String unitId, boolean stale) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (done.partsComplete(unitId)) {
            return out;
        }
        for (RankedPart p : done.listedParts(unitId)) {
            String problem = done.problem(p);
            if (problem != null && problem.startsWith(DoneState.STALE) == stale) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", unitId);
                m.put("part", p.file().toString());
                m.put("problem", problem);
                out.add(m);
            }
        }
        return out;
    }
}
