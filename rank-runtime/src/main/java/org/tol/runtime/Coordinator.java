package org.tol.runtime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;

/**
 * How the ranks of one job agree on work. Without MPJ ({@link StaticCoordinator}) every rank plans by itself
 * and takes its LPT share; under MPJ rank 0 plans once, broadcasts, and hands out units on request.
 */
public interface Coordinator extends AutoCloseable {
    /** The run's plan; {@code planOnce} is called on one rank (static: on every rank, same result). */
    RunPlan plan(Supplier<RunPlan> planOnce) throws IOException;

    /** Where this rank gets its next unit. */
    WorkSource work(RunPlan plan, DoneState done, RankContext ctx);

    /** Called by every rank when it has no work left; returns all ranks' stats on rank 0, else empty. */
    List<Map<String, Object>> finish(Map<String, Object> myStats) throws IOException;

    /** True where the job-wide collect step may run now: rank 0, after every rank has finished. */
    boolean mayCollect(RankContext ctx);

    /** One line for the log: how work is coordinated. */
    String describe();

    @Override
    default void close() {}

    /** A rank's supply of units; {@code next()} returns null when there is no more work for it. */
    interface WorkSource {
        WorkUnit next() throws IOException;

        /**
         * Bytes this rank is expected to do (for the ETA); -1 when not known in advance, as with a dynamic
         * queue where a rank's share depends on how fast the others are.
         */
        default long expectedBytes() {
            return -1;
        }

        /** Units this rank is expected to do; -1 when not known in advance. */
        default long expectedUnits() {
            return -1;
        }
    }
}
