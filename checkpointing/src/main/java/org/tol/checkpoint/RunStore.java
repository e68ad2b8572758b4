package org.tol.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.io.json.Json;

/**
 * Reads and writes {@code OUT/run.json}. The first start stores the plan; every later start (any rank, any
 * rank count) reuses the stored plan, so unit ids and the set of units never drift, and refuses to mix the
 * outputs of a different filter or of different output-changing parameters into the same OUT.
 */
public final class RunStore {
    private RunStore() {}

    public static RunPlan read(OutLayout out) throws IOException {
        if (!Files.exists(out.runFile())) {
            return null;
        }
        try {
            return Json.mapper().readValue(out.runFile().toFile(), RunPlan.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new TolException(out.runFile() + " is damaged (" + e.getOriginalMessage() + ")",
                    "restore it from a backup, or start again in a new --output directory; the committed parts in "
                            + out.root() + " are untouched", ExitCodes.FAILURE, e);
        }
    }

    public static void write(OutLayout out, RunPlan plan) throws IOException {
        Files.createDirectories(out.root());
        Json.writeAtomically(out.runFile(), plan);
    }

    /**
     * The plan of the run in OUT: the stored one when OUT already holds a run of the same filter and
     * fingerprint, else a new one from {@code planner}, stored before it is returned.
     *
     * @throws TolException (exit 2) when OUT holds a run of another filter or fingerprint
     */
    public static RunPlan loadOrCreate(OutLayout out, String filter, Map<String, String> fingerprint,
            Supplier<RunPlan> planner) throws IOException {
        RunPlan stored = read(out);
        if (stored != null) {
            checkSameRun(out, stored, filter, fingerprint);
            return stored;
        }
        RunPlan plan = planner.get();
        write(out, plan);
        return plan;
    }

    public static void checkSameRun(OutLayout out, RunPlan stored, String filter, Map<String, String> fingerprint) {
        if (!stored.filter().equals(filter)) {
            throw new TolException(out.root() + " holds a run of filter '" + stored.filter() + "', not '" + filter + "'",
                    "use another --output directory for this filter", ExitCodes.USAGE, null);
        }
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new TolException(out.root() + " was made by '" + filter + "' with different parameters: "
                    + differences(stored.fingerprint(), fingerprint),
                    "resume with the original parameters, or write to a new --output directory",
                    ExitCodes.USAGE, null);
        }
    }

    /** Only the keys that differ, in one (sorted) order, each with both sides: "key: stored A, now B; ...". */
    static String differences(Map<String, String> stored, Map<String, String> now) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(stored.keySet());
        keys.addAll(now.keySet());
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            String a = stored.get(k);
            String c = now.get(k);
            if (!java.util.Objects.equals(a, c)) {
                b.append(b.length() == 0 ? "" : "; ").append(k).append(": stored ").append(a == null ? "(none)" : a)
                        .append(", now ").append(c == null ? "(none)" : c);
            }
        }
        return b.toString();
    }
}
