package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.mpj.MpjLocator;

/**
 * Resume must not depend on the rank count: a job started with 8 ranks and interrupted mid-way, then resumed
 * with 3 ranks (and, separately, under MPJ multicore with the dynamic queue), collects to exactly the result of
 * an uninterrupted run.
 */
class ResumeWithOtherRankCountTest {
    @TempDir Path tmp;

    @Test
    void eightRanksInterruptedThenThreeRanksGiveTheSameResult() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));

        Path out = tmp.resolve("out");
        int[] first = RuntimeHarness.interruptAfterParts(out, in, 8, 12);
        assertTrue(Arrays.stream(first).anyMatch(c -> c == ExitCodes.INTERRUPTED), Arrays.toString(first));
        assertTrue(processedUnits(out) < 20, "the interruption must leave work to resume");

        int[] second = RuntimeHarness.runThreads(RuntimeHarness.config(in, out), 3, new StopFlag());
        assertEquals("[0, 0, 0]", Arrays.toString(second));
        // Users of the reference glob predictions_rank*.parquet: every committed row exactly once, also the rows
        // that ranks 3..7 of the first run committed (their directories and files are from that run).
        assertEquals(expected, RuntimeHarness.readRankPredictions(out));
        assertEquals(expected, RuntimeHarness.collect(out));
    }

    @Test
    void eightRankProcessesSignalledThenThreeRankProcessesGiveTheSameResult() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));

        Path out = tmp.resolve("out");
        List<Process> eight = new java.util.ArrayList<>();
        for (int r = 0; r < 8; r++) {
            eight.add(RuntimeHarness.startRank(r, 8, RuntimeHarness.filterArgs(in, out), tmp.resolve("a" + r + ".log")));
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (RuntimeHarness.committedParts(out) < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        for (Process p : eight) { // what srun does with the time-limit warning
            new ProcessBuilder("kill", "-USR1", String.valueOf(p.pid())).start().waitFor();
        }
        int interrupted = 0;
        for (int r = 0; r < 8; r++) {
            int code = RuntimeHarness.waitFor(eight.get(r), 60);
            assertTrue(code == 0 || code == ExitCodes.INTERRUPTED, "rank " + r + " exit " + code + "\n"
                    + RuntimeHarness.tail(tmp.resolve("a" + r + ".log")));
            interrupted += code == ExitCodes.INTERRUPTED ? 1 : 0;
        }
        assertTrue(interrupted > 0, "the signal must catch some ranks mid-work");
        assertTrue(processedUnits(out) < 20, "work is left to resume");

        List<Process> three = new java.util.ArrayList<>();
        for (int r = 0; r < 3; r++) {
            three.add(RuntimeHarness.startRank(r, 3, RuntimeHarness.filterArgs(in, out), tmp.resolve("b" + r + ".log")));
        }
        for (int r = 0; r < 3; r++) {
            assertEquals(0, RuntimeHarness.waitFor(three.get(r), 120), RuntimeHarness.tail(tmp.resolve("b" + r + ".log")));
        }
        assertEquals(expected, RuntimeHarness.readRankPredictions(out));
        assertEquals(expected, RuntimeHarness.collect(out));
    }

    @Test
    void mpjMulticoreWithTheDynamicQueueResumesToTheSameResult() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(MpjLocator.locate(System.getenv()) != null,
                "MPJ Express (libmpj-java or $MPJ_HOME) is not installed");
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));

        // An uninterrupted MPJ run (rank 0 plans, broadcasts, serves the queue, collects after the barrier).
        Path fresh = tmp.resolve("mpj-fresh");
        List<String> args = RuntimeHarness.filterArgs(in, fresh);
        args.addAll(List.of("--mpj", "multicore:3", "--collect"));
        assertEquals(0, RuntimeHarness.tol(args));
        assertEquals(expected, RuntimeHarness.readPredictions(fresh.resolve("predictions.parquet")));
        for (int r = 0; r < 3; r++) {
            assertTrue(!AppendLog.read(new OutLayout(fresh).processedLog(r)).isEmpty(), "rank " + r + " got no unit");
        }

        // Interrupted with the static plan on 2 ranks, finished under MPJ with 3.
        Path out = tmp.resolve("mpj-resume");
        RuntimeHarness.interruptAfterParts(out, in, 2, 10);
        List<String> resume = RuntimeHarness.filterArgs(in, out);
        resume.addAll(List.of("--mpj", "multicore:3"));
        assertEquals(0, RuntimeHarness.tol(resume));
        assertEquals(expected, RuntimeHarness.collect(out));
    }

    private static long processedUnits(Path out) throws Exception {
        OutLayout layout = new OutLayout(out);
        long n = 0;
        for (int r : layout.ranksPresent()) {
            n += AppendLog.read(layout.processedLog(r)).size();
        }
        return n;
    }
}
