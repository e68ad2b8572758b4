package org.tol.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.runtime.plan.Lpt;

/**
 * No communication: each rank takes its largest-first LPT share of the stored plan (the reference's split),
 * skipping units any rank already finished. Used when MPJ is not asked for or cannot be loaded.
 */
public final class StaticCoordinator implements Coordinator {
    @Override
    public RunPlan plan(Supplier<RunPlan> planOnce) {
        return planOnce.get();
    }

    @Override
    public WorkSource work(RunPlan plan, DoneState done, RankContext ctx) {
        List<WorkUnit> share = Lpt.share(plan.units(), ctx.rank(), ctx.worldSize());
        Deque<WorkUnit> queue = new ArrayDeque<>(share);
        List<WorkUnit> todo = share.stream().filter(u -> !done.isDone(u)).toList();
        long bytes = todo.stream().mapToLong(WorkUnit::bytes).sum();
        return new WorkSource() {
            @Override
            public WorkUnit next() {
                return queue.pollFirst();
            }

            @Override
            public long expectedBytes() {
                return bytes;
            }

            @Override
            public long expectedUnits() {
                return todo.size();
            }
        };
    }

    @Override
    public List<Map<String, Object>> finish(Map<String, Object> myStats) {
        return List.of(myStats);
    }

    @Override
    public boolean mayCollect(RankContext ctx) {
        // Without a barrier only a single-rank job knows that all work is over.
        return ctx.worldSize() == 1;
    }

    @Override
    public String describe() {
        return "static LPT plan (no MPJ)";
    }
}
