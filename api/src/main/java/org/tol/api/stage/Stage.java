package org.tol.api.stage;

import java.util.List;
import java.util.Map;

/**
 * A data stage run by the rank runtime: one work unit (an input file, a lookup batch, a whole table) in, a
 * set of output files out. Where an {@link org.tol.api.filter.ImageFilter} turns rows into prediction rows,
 * a stage writes whatever files it produces through {@link UnitOutput}; the runtime does everything else:
 * the plan in {@code OUT/run.json}, rank shares (srun, {@code tol launch}, MPJ), rank locks, the atomic
 * commit of a unit's files with its manifest record written last, resume, {@code tol status}, SIGUSR1/SIGTERM
 * (exit 75; an unfinished unit is simply redone) and the failed-unit log.
 *
 * <p>Lifecycle: one stage object per rank, created before any unit runs; {@link #plan} is called on one
 * rank of the first start only (later starts reuse the stored plan); {@link #run} is called from one thread,
 * once per unit this rank takes; {@link #close} once at the end. A stage must be deterministic: a unit that
 * is redone after a crash must produce the same files with the same names.
 */
public interface Stage extends AutoCloseable {
    /** Short stable name, e.g. {@code decode}, {@code extract}; recorded in {@code run.json}. */
    String name();

    /** Parameters that change the output; a rerun into the same OUT with other values is refused (exit 2). */
    default Map<String, String> fingerprint() {
        return Map.of();
    }

    /** The stage's inputs as given by the user, recorded in the plan (for {@code tol status} and humans). */
    List<String> inputs();

    /** Cuts the work into units whose ids depend only on the inputs (never on the rank count). */
    List<StageUnit> plan() throws Exception;

    /**
     * True when {@link #plan} gives one unit per input file ({@code StagePlans.files(inputs())}). The runtime
     * then records every input file's identity in the plan and compares it on every start, as for filters:
     * a rewritten or missing file is exit 2 naming it (unless {@code --replan}, which redoes its unit), added
     * files are planned, and a unit committed from an older version of its file no longer counts.
     */
    default boolean unitsAreInputFiles() {
        return false;
    }

    /**
     * With {@link #unitsAreInputFiles}: true when an input file must hold images (the filters' schema check),
     * false when the {@code uuid} column is enough ({@code StagePlans.rows}).
     */
    default boolean unitsNeedImages() {
        return true;
    }

    /**
     * For a stage whose units read files that are not its plan's input files ({@code extract}: the data files a
     * lookup batch names): a string that changes when those files' contents change (their identities), or null
     * when there is nothing to check. The runtime records it in the unit's commit record, computes it again on
     * every start for each committed unit, and redoes a unit whose key changed (logging the lines that differ,
     * so each line should name its file).
     */
    default String unitInputKey(StageUnit unit) throws Exception {
        return null;
    }

    /**
     * Called on the planning rank when that check changed a stored plan (files added, moved, or changed under
     * {@code --replan}), before the new plan is stored; {@code fresh} holds the ids of the units planned anew
     * (empty when the same files only moved).
     * A stage whose files depend on all inputs at once updates what it derived from them here, or refuses
     * with a {@code TolException}.
     */
    default void replanned(List<StageUnit> units, java.util.Set<String> fresh) throws Exception {}

    /**
     * Does one unit: writes its files through {@code out} (they become visible only when the runtime commits
     * the unit) and returns what it did. Throwing fails just this unit (it is logged as failed and redone by
     * the next run); a bad row should be a failure entry in the result instead.
     */
    UnitResult run(StageUnit unit, UnitOutput out) throws Exception;

    @Override
    default void close() throws Exception {}
}
