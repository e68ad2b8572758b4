package org.tol.runtime.stage;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.StageRecord;
import org.tol.checkpoint.WorkUnit;

/**
 * {@link Stage#unitInputKey}: on every start, the current key of each committed unit's files; a commit made
 * from other file contents then no longer counts ({@link DoneState#withInputs}), so the unit is redone.
 */
final class StageInputKeys {
    private static final Logger LOG = LoggerFactory.getLogger(StageInputKeys.class);

    private StageInputKeys() {}

    /** Adds the committed units' current keys to {@code keys} and returns {@code done} counting by them. */
    static DoneState check(Stage stage, RunPlan plan, DoneState done, Map<String, String> keys) throws Exception {
        if (stage.unitsAreInputFiles()) {
            return done.withInputs(keys); // the plan's file identities already say it
        }
        done.withInputs(Map.of());
        Map<String, StageRecord> committed = done.stageCommits();
        for (WorkUnit u : plan.units()) {
            if (committed.containsKey(u.id())) {
                String key = stage.unitInputKey(new StageUnit(u.id(), u.path(), u.bytes()));
                if (key != null) {
                    keys.put(u.id(), key);
                }
            }
        }
        done.withInputs(keys);
        for (Map.Entry<String, StageRecord> e : committed.entrySet()) {
            StageRecord before = e.getValue();
            if (done.stageCommit(e.getKey()) == null && before.input() != null) {
                LOG.warn("unit {} was committed from other data; redoing it. Changed: {}", e.getKey(),
                        changed(before.input(), keys.get(e.getKey())));
            }
        }
        return done;
    }

    /** The lines of {@code now} that {@code before} lacks (each names a file and its identity). */
    static List<String> changed(String before, String now) {
        Set<String> old = new HashSet<>(Arrays.asList(before.split("\n")));
        return Arrays.stream(now.split("\n")).filter(l -> !old.contains(l)).toList();
    }
}
