package org.tol.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tol.checkpoint.WorkUnit;

class LptTest {
    private static WorkUnit u(String id, long bytes) {
        return new WorkUnit(id, "/in/" + id, bytes, 0, -1);
    }

    @Test
    void largestFirstToTheLeastLoadedRankLowestRankOnTies() {
        // Listing order a,b,c1,c2,d; sizes 5,4,3,3,2. By hand: a->0 (tie: lowest), b->1, c1->1 (4<5),
        // c2->0 (5<7), d->1 (7<8). The stable sort keeps c1 before c2.
        List<WorkUnit> plan = Lpt.largestFirst(List.of(u("d", 2), u("c1", 3), u("a", 5), u("c2", 3), u("b", 4)));
        assertEquals(List.of("a", "b", "c1", "c2", "d"), plan.stream().map(WorkUnit::id).toList());
        assertEquals(List.of("a", "c2"), Lpt.share(plan, 0, 2).stream().map(WorkUnit::id).toList());
        assertEquals(List.of("b", "c1", "d"), Lpt.share(plan, 1, 2).stream().map(WorkUnit::id).toList());
    }

    @Test
    void everyUnitGoesToExactlyOneRank() {
        List<WorkUnit> plan = Lpt.largestFirst(List.of(u("a", 9), u("b", 1), u("c", 4), u("d", 4), u("e", 7)));
        for (int world = 1; world <= 7; world++) {
            int total = 0;
            for (int r = 0; r < world; r++) {
                total += Lpt.share(plan, r, world).size();
            }
            assertEquals(plan.size(), total, "world " + world);
        }
    }
}
