package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;

/**
 * {@code slurm/tol-filter.sbatch} end to end under a fake {@code srun} (two ranks as child processes; rank 0 gets
 * USR1 once it has committed a part in this step, as {@code --signal=USR1@120} would deliver it) and a fake {@code scontrol}
 * that records requeues. srun's exit code is the highest of its tasks' (75 here), so only the ranks' own status
 * files can show that the other rank failed: then there is no requeue and the script reports the failure.
 */
class SlurmFilterScriptTest {
    @TempDir Path tmp;

    @Test
    void aFailedRankIsNotHiddenByAnInterruptedOne_andAnInterruptedStepRequeues() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.write(in, 4, 20, 16, 40, 5, 0, 3); // 8 units of 10 rows
        Path bin = fakeCommands();
        Path out = tmp.resolve("out");

        Run failed = runScript(bin, out, true);
        assertEquals(1, failed.code, failed.log);
        assertTrue(failed.log.contains("rank 1: no status from this step"), failed.log);
        assertTrue(failed.log.contains("filter step failed (srun exit 75"), failed.log);
        assertFalse(Files.exists(tmp.resolve("scontrol.log")), "requeued although a rank failed:\n" + failed.log);
        assertEquals("interrupted", rankState(out, 0).get("state"), "rank 0 was not interrupted:\n" + failed.log);
        assertTrue(Files.readString(tmp.resolve("srun.args")).contains("--cpus-per-task=2"),
                Files.readString(tmp.resolve("srun.args")));

        Run interrupted = runScript(bin, out, false);
        assertEquals(0, interrupted.code, interrupted.log);
        assertEquals("requeue 4242", Files.readString(tmp.resolve("scontrol.log")).strip(), interrupted.log);
        assertTrue(interrupted.log.contains("rank 0: interrupted (exit 75)"), interrupted.log);
    }

    /**
     * A stage script (decode) on the same protocol: the stage ranks record the step and their exit codes, so a
     * finished step is 0 (not "no status"), and a rank that failed before starting ends the job without a requeue.
     */
    @Test
    void aStageScriptDecidesFromTheStageRanksStatus() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.write(in, 4, 20, 16, 40, 5, 0, 3);
        Path bin = fakeCommands();
        Path out = tmp.resolve("decoded");
        String conf = "TOL_INPUT=" + in + "\nTOL_OUTPUT=" + out + "\nTOL_DECODE_FORMAT=png\nTOL_GRACE_SECONDS=20\n";

        Run failed = runScript(bin, out, true, "decode.sbatch", conf, "");
        assertEquals(1, failed.code, failed.log);
        assertTrue(failed.log.contains("rank 1: no status from this step"), failed.log);
        assertFalse(Files.exists(tmp.resolve("scontrol.log")), failed.log);
        assertTrue(Files.readString(tmp.resolve("srun.args")).contains("--cpus-per-task=2"));

        Run done = runScript(bin, out, false, "decode.sbatch", conf, "");
        assertEquals(0, done.code, done.log);
        assertFalse(Files.exists(tmp.resolve("scontrol.log")), done.log);
        for (int r = 0; r < 2; r++) {
            Map<String, Object> st = rankState(out, r);
            assertTrue(String.valueOf(st.get("step")).startsWith("4242.0."), st.toString());
            assertEquals(0, ((Number) st.get("exit_code")).intValue(), st.toString());
        }
    }

    private record Run(int code, String log) {}

    private Run runScript(Path bin, Path out, boolean failRank1) throws Exception {
        return runScript(bin, out, failRank1, "tol-filter.sbatch", "TOL_INPUT=" + tmp.resolve("in") + "\nTOL_OUTPUT="
                + out + "\nTOL_FILTER=image-stats\n"
                + "TOL_FILTER_ARGS='--batch-size 2 --split-size 48k --unit-row-groups 2 --prep-threads 1"
                + " --progress-seconds 0.2'\nTOL_CHECKPOINT_EVERY=1\nTOL_GRACE_SECONDS=20\n", "1");
    }

    /**
     * The job as sbatch would start it: SLURM variables, settings from a TOL_CONFIG file, fake srun/scontrol first
     * on PATH; {@code usr1} non-empty: the fake srun sends rank 0 USR1 after its first commit in this step.
     */
    private Run runScript(Path bin, Path out, boolean failRank1, String scriptName, String conf, String usr1)
            throws Exception {
        Path config = tmp.resolve("job.conf");
        Files.writeString(config, conf);
        Path script = Path.of(System.getProperty("tol.repo", "..")).resolve("slurm").resolve(scriptName);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("job.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("TOL_CONFIG", config.toString());
        env.put("TOL", bin.resolve("tol").toString());
        env.put("SLURM_JOB_ID", "4242");
        env.put("SLURM_NTASKS", "2");
        env.put("SLURM_CPUS_PER_TASK", "2");
        env.put("FAKE_OUT", out.toString());
        env.put("FAIL_RANK1", failRank1 ? "1" : "");
        env.put("FAKE_USR1", usr1);
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "job did not end:\n" + RuntimeHarness.tail(tmp.resolve("job.log")));
        return new Run(p.exitValue(), Files.readString(tmp.resolve("job.log")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rankState(Path out, int rank) throws Exception {
        Path f = new OutLayout(out).stats(rank);
        return Files.exists(f) ? Json.mapper().readValue(f.toFile(), Map.class) : new TreeMap<>();
    }

    /** tol (this test's class path; rank 1 asks for a GPU it cannot have when FAIL_RANK1 is set), srun, scontrol. */
    private Path fakeCommands() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        String java = ProcessHandle.current().info().command().orElse("java");
        write(bin.resolve("tol"), "#!/bin/bash\nextra=()\n"
                + "if [ -n \"$FAIL_RANK1\" ] && [ \"${SLURM_PROCID:-}\" = 1 ]; then export CUDA_VISIBLE_DEVICES=;"
                + " extra=(--device cuda); fi\n"
                + "exec '" + java + "' -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + RuntimeHarness.classPath() + "' org.tol.cli.Main \"$@\" \"${extra[@]}\"\n");
        write(bin.resolve("srun"), "#!/bin/bash\necho \"$@\" > " + tmp.resolve("srun.args") + "\n"
                + "while [[ \"$1\" == -* ]]; do shift; done\n"
                + "pids=()\n"
                + "for ((r = 0; r < SLURM_NTASKS; r++)); do\n"
                + "  SLURM_PROCID=$r SLURM_LOCALID=$r SLURM_NODEID=0 \"$@\" > " + tmp + "/rank$r.log 2>&1 &\n"
                + "  pids+=($!)\ndone\n"
                + "if [ -n \"$FAKE_USR1\" ]; then\n"
                + "m=\"$FAKE_OUT/checkpoints_rank0/manifest.jsonl\"\n"
                + "before=$(cat \"$m\" 2>/dev/null | wc -l)\n"
                + "for i in $(seq 1 3000); do [ \"$(cat \"$m\" 2>/dev/null | wc -l)\" -gt \"$before\" ] && break;"
                + " kill -0 ${pids[0]} 2>/dev/null || break; sleep 0.02; done\n"
                + "kill -USR1 ${pids[0]}\nfi\n"
                + "rc=0\nfor p in \"${pids[@]}\"; do wait $p; c=$?; [ $c -gt $rc ] && rc=$c; done\n"
                + "cat " + tmp + "/rank1.log | tail -3\nexit $rc\n");
        write(bin.resolve("scontrol"), "#!/bin/bash\necho \"$@\" >> " + tmp.resolve("scontrol.log") + "\n");
        return bin;
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        assertTrue(file.toFile().setExecutable(true));
    }
}
