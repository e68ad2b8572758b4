package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.launch.LocalLauncher;

/**
 * A second job with more ranks on the same output is refused while the first runs (job-level lock over OS
 * file locks), and SIGUSR1 in the first moments of a rank already means "commit and exit 75".
 */
class JobLockAndEarlySignalTest {
    @TempDir Path tmp;

    @Test
    void aSecondJobWithMoreRanksIsRefusedWhileTheFirstRuns() throws Exception {
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("fresh"));
        Path out = tmp.resolve("out");
        List<String> args = RuntimeHarness.withOption(RuntimeHarness.filterArgs(in, out), "--checkpoint-every", "1");
        OutLayout layout = new OutLayout(out);
        List<Process> jobA = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            jobA.add(RuntimeHarness.startRank(r, 2, args, tmp.resolve("a" + r + ".log"), Map.of("SLURM_JOB_ID", "job-a")));
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(locked(layout, 0) && locked(layout, 1)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        for (Process p : jobA) { // freeze job A while it holds its locks, so job B surely overlaps it
            new ProcessBuilder("kill", "-STOP", String.valueOf(p.pid())).start().waitFor();
        }
        try {
            assertTrue(jobA.stream().allMatch(Process::isAlive), "job A ended before it could be frozen");
            List<Process> jobB = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                jobB.add(RuntimeHarness.startRank(r, 4, args, tmp.resolve("b" + r + ".log"), Map.of("SLURM_JOB_ID", "job-b")));
            }
            for (int r = 0; r < 4; r++) {
                String log = RuntimeHarness.tail(tmp.resolve("b" + r + ".log"));
                assertEquals(ExitCodes.FAILURE, RuntimeHarness.waitFor(jobB.get(r), 120), "job B rank " + r + ":\n" + log);
            }
            for (int r = 2; r < 4; r++) {
                String log = Files.readString(tmp.resolve("b" + r + ".log"));
                assertTrue(log.contains("another job is running on this output") && log.contains("job-a"), log);
            }
        } finally {
            for (Process p : jobA) {
                new ProcessBuilder("kill", "-CONT", String.valueOf(p.pid())).start().waitFor();
            }
        }
        for (int r = 0; r < 2; r++) {
            assertEquals(0, RuntimeHarness.waitFor(jobA.get(r), 120), RuntimeHarness.tail(tmp.resolve("a" + r + ".log")));
        }
        assertEquals(expected, RuntimeHarness.collect(out));
        assertEquals(expected, RuntimeHarness.readRankPredictions(out));
    }

    private static boolean locked(OutLayout layout, int rank) throws Exception {
        return Files.exists(layout.lock(rank)) && Files.size(layout.lock(rank)) > 0;
    }

    @Test
    void sigusr1WhileTheCommandLineIsStillBeingParsedExits75() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.write(in, 2, 8, 16, 24, 4, 0, 3);
        Path out = tmp.resolve("out");
        Path classLog = tmp.resolve("classes.log");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:class+load=info:file=" + classLog,
                "-cp", RuntimeHarness.classPath(), "org.tol.cli.Main"));
        cmd.addAll(RuntimeHarness.filterArgs(in, out));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("rank.log").toFile());
        pb.environment().putAll(LocalLauncher.slurmEnv(0, 1, "signal-test"));
        Process p = pb.start();
        // The moment picocli's first class loads, the command line is only about to be parsed: long before the
        // rank does anything. A signal now must already find the handlers.
        long deadline = System.currentTimeMillis() + 60_000;
        while (p.isAlive() && System.currentTimeMillis() < deadline
                && !(Files.exists(classLog) && Files.readString(classLog).contains("picocli.CommandLine "))) {
            Thread.sleep(1);
        }
        new ProcessBuilder("kill", "-USR1", String.valueOf(p.pid())).start().waitFor();
        int code = RuntimeHarness.waitFor(p, 60);
        String log = RuntimeHarness.tail(tmp.resolve("rank.log"));
        assertEquals(ExitCodes.INTERRUPTED, code, "exit 138 means SIGUSR1 killed the JVM before its handlers:\n" + log);
        String classes = Files.readString(classLog);
        assertTrue(classes.indexOf("sun.misc.Signal ") < classes.indexOf("picocli.CommandLine "),
                "the handlers are installed before the command line is parsed");
        assertEquals(0, RuntimeHarness.tol(RuntimeHarness.filterArgs(in, out)), "the rerun finishes");
    }
}
