package org.tol.runtime.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stage progress line: counts, percentage, rate and ETA from the elapsed time given. */
class StageProgressTest {
    @Test
    void lineHasCountsRateAndEta() {
        StageProgress p = new StageProgress("sample make", 1000, "images", 1000);
        long t0 = System.nanoTime();
        // the line's clock is the caller's: 250 of 1000 after ~10 s -> 25/s, 750 left -> 30 s
        String line = p.line(250, t0 + 10_000_000_000L);
        assertEquals(true, line.startsWith("sample make: 250/1,000 images (25%), 25."), line);
        assertEquals(true, line.endsWith("images/s, ETA 0m30s"), line);
        assertEquals(true, p.line(1000, t0 + 20_000_000_000L).endsWith("ETA done"));
        assertEquals(true, new StageProgress("collect", 0, "units", 1000).line(3, t0 + 1_000_000_000L).startsWith("collect: 3 units, "));
    }
}
