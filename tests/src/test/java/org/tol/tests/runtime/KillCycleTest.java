package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under SIGKILL: 4 rank processes (srun-style SLURM variables) over sample data; in every cycle one
 * random rank is killed with SIGKILL at a random moment, then all 4 are started again. After the cycles a clean
 * run finishes the job, and the collected predictions must equal an uninterrupted run's row for row.
 */
class KillCycleTest {
    private static final int RANKS = 4;
    private static final int CYCLES = 10;

    @TempDir Path tmp;

    @Test
    void sigkillAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        Path in = tmp.resolve("in");
        long rows = RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));
        assertEquals(rows, expected.size());

        Path out = tmp.resolve("out");
        Random rnd = new Random(20261123L);
        int killsMidRun = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            List<Process> procs = new ArrayList<>();
            for (int r = 0; r < RANKS; r++) {
                procs.add(RuntimeHarness.startRank(r, RANKS, RuntimeHarness.filterArgs(in, out),
                        tmp.resolve("cycle" + cycle + "-rank" + r + ".log")));
            }
            int victim = rnd.nextInt(RANKS);
            // Kill at a random moment of the victim's run: after it took its lock (JVM start-up on a loaded
            // machine can take longer than the whole run of a sibling), so there is a lock to take over.
            Path lock = new org.tol.checkpoint.OutLayout(out).lock(victim);
            long until = System.currentTimeMillis() + 30_000;
            while (procs.get(victim).isAlive() && System.currentTimeMillis() < until
                    && !(Files.exists(lock) && Files.size(lock) > 0)) {
                Thread.sleep(5);
            }
            Thread.sleep(rnd.nextInt(1500));
            Process p = procs.get(victim);
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no handler runs, nothing is flushed
                killsMidRun++;
            }
            for (int r = 0; r < RANKS; r++) {
                int code = RuntimeHarness.waitFor(procs.get(r), 120);
                if (r != victim) {
                    assertEquals(0, code, "rank " + r + " of cycle " + cycle + ":\n"
                            + RuntimeHarness.tail(tmp.resolve("cycle" + cycle + "-rank" + r + ".log")));
                }
            }
        }
        assertTrue(killsMidRun >= CYCLES / 2, "too few kills landed while the victim was running: " + killsMidRun);

        List<Process> last = new ArrayList<>();
        for (int r = 0; r < RANKS; r++) {
            last.add(RuntimeHarness.startRank(r, RANKS, RuntimeHarness.filterArgs(in, out), tmp.resolve("final" + r + ".log")));
        }
        for (int r = 0; r < RANKS; r++) {
            assertEquals(0, RuntimeHarness.waitFor(last.get(r), 120), RuntimeHarness.tail(tmp.resolve("final" + r + ".log")));
        }
        long takeovers = 0;
        try (var logs = Files.list(tmp)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                takeovers += Files.readAllLines(log).stream().filter(l -> l.contains("taking over stale lock")).count();
            }
        }
        assertTrue(takeovers >= 1, "a SIGKILLed rank's lock must be taken over by its successor (kills: " + killsMidRun + ")\n" + RuntimeHarness.tail(tmp.resolve("final0.log")));
        Map<String, Map<String, Object>> actual = RuntimeHarness.collect(out);
        assertEquals(expected.keySet(), actual.keySet(), "same uuids");
        assertEquals(expected, actual, "same values for every uuid");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"duplicate_uuids_conflicting\" : 0"));
    }
}
