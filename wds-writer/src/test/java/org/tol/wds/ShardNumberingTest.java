package org.tol.wds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShardNumberingTest {
    /** The cases of bioclip's src/imageomics/test_wds.py: static existing list, counter starting at 0. */
    static List<Arguments> bioclipCases() {
        return List.of(
                Arguments.of(List.of(0L, 1L, 2L), List.of(3L, 4L)),
                Arguments.of(List.of(0L, 1L, 2L, 4L, 5L), List.of(3L, 6L)),
                Arguments.of(List.of(0L, 1L, 2L, 5L), List.of(3L, 4L, 6L)),
                Arguments.of(List.of(0L, 1L, 2L, 4L, 6L), List.of(3L, 5L, 7L)));
    }

    @ParameterizedTest
    @MethodSource("bioclipCases")
    void fillsGapsAsBioclip(List<Long> existing, List<Long> expected) {
        ShardNumbering n = ShardNumbering.single();
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            got.add(n.next(existing));
        }
        assertEquals(expected, got);
    }

    @Test
    void emptyDirectoryStartsAtZeroAndCountsUp() {
        ShardNumbering n = ShardNumbering.single();
        assertEquals(0, n.next(List.of()));
        assertEquals(1, n.next(List.of())); // shard 0 is still under its temp name
        assertEquals(2, n.next(List.of(0L)));
    }

    @Test
    void ranksUseDisjointNumbersAndFillOnlyTheirOwnGaps() {
        ShardNumbering r1 = new ShardNumbering(3, 1);
        // rank 1 of 3 owns 1, 4, 7, 10 ...; 4 was deleted as bad, 0/2/3 belong to other ranks
        assertEquals(4, r1.next(List.of(0L, 1L, 2L, 3L, 7L)));
        assertEquals(10, r1.next(List.of(0L, 1L, 2L, 3L, 7L)));
        ShardNumbering r0 = new ShardNumbering(3, 0);
        assertEquals(0, r0.next(List.of(1L, 2L)));
        assertEquals(3, r0.next(List.of(1L, 2L)));
    }
}
