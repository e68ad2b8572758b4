package org.tol.runtime.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tol.checkpoint.WorkUnit;

/**
 * The reference's greedy longest-processing-time split: units by bytes, largest first (stable, so ties keep
 * listing order); each goes to the rank with the smallest running byte total, the lowest rank on ties.
 */
public final class Lpt {
    private Lpt() {}

    public static List<WorkUnit> largestFirst(List<WorkUnit> units) {
        List<WorkUnit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingLong(WorkUnit::bytes).reversed());
        return sorted;
    }

    /**
     * Rank {@code rank}'s share of {@code units} (which must already be largest first), in processing order.
     * Computed over the whole plan, done units included, so every rank derives the same split no matter when
     * it starts or what others have finished meanwhile.
     */
    public static List<WorkUnit> share(List<WorkUnit> units, int rank, int worldSize) {
        long[] load = new long[worldSize];
        List<WorkUnit> mine = new ArrayList<>();
        for (WorkUnit u : units) {
            int best = 0;
            for (int r = 1; r < worldSize; r++) {
                if (load[r] < load[best]) {
                    best = r;
                }
            }
            load[best] += u.bytes();
            if (best == rank) {
                mine.add(u);
            }
        }
        return mine;
    }
}
