package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;

/**
 * SIGUSR1 (what {@code #SBATCH --signal=USR1@120} delivers through srun) to a running rank: it commits and
 * exits 75 within the grace period, and the rerun completes with nothing lost or duplicated.
 */
class SignalResumeTest {
    @TempDir Path tmp;

    @Test
    void sigusr1CommitsExits75AndResumeLosesNothing() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));

        Path out = tmp.resolve("out");
        List<String> args = RuntimeHarness.filterArgs(in, out);
        args = RuntimeHarness.withOption(args, "--grace-seconds", "10");
        args = RuntimeHarness.withOption(args, "--checkpoint-every", "1");
        args = RuntimeHarness.withOption(args, "--prep-threads", "1");
        Process p = RuntimeHarness.startRank(0, 1, args, tmp.resolve("rank0.log"));
        OutLayout layout = new OutLayout(out);
        long deadline = System.currentTimeMillis() + 60_000;
        while (AppendLog.read(layout.manifest(0)).size() < 3 && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(p.isAlive(), "rank finished before it could be signalled:\n" + RuntimeHarness.tail(tmp.resolve("rank0.log")));
        long signalled = System.nanoTime();
        new ProcessBuilder("kill", "-USR1", String.valueOf(p.pid())).start().waitFor();
        int code = RuntimeHarness.waitFor(p, 30);
        double seconds = (System.nanoTime() - signalled) / 1e9;
        String log = RuntimeHarness.tail(tmp.resolve("rank0.log"));
        assertEquals(ExitCodes.INTERRUPTED, code, log);
        assertTrue(seconds < 10, "exit took " + seconds + " s, grace is 10 s");
        assertTrue(log.contains("SIGUSR1 received"), log);
        assertTrue(AppendLog.read(layout.processedLog(0)).size() < 20, "interrupted before the end");
        assertTrue(!org.tol.checkpoint.RankLock.isHeld(layout.lock(0)) && Files.size(layout.lock(0)) == 0,
                "the lock is released (and emptied) on a clean interrupt");

        assertEquals(0, RuntimeHarness.tol(args));
        assertEquals(expected, RuntimeHarness.collect(out));
    }
}
