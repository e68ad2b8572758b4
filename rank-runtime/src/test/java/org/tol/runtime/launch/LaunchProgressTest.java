package org.tol.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher finds the ranks' OUT and progress period in their arguments, in every spelling picocli accepts. */
class LaunchProgressTest {
    @Test
    void findsOptionValuesInTheRanksArguments() {
        List<String> a = List.of("filter", "clip", "--input", "in", "-o", "out1", "--progress-seconds=2");
        assertEquals("out1", LaunchProgress.option(a, "--output", "-o"));
        assertEquals("2", LaunchProgress.option(a, "--progress-seconds", null));
        assertEquals("out2", LaunchProgress.option(List.of("--output", "out2"), "--output", "-o"));
        assertEquals("out3", LaunchProgress.option(List.of("--output=out3"), "--output", "-o"));
        assertNull(LaunchProgress.option(List.of("--output"), "--output", "-o"));
        assertNull(LaunchProgress.option(List.of("inspect", "x"), "--output", "-o"));
    }
}
