package org.tol.stages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.stages.lookup.LookupBuilder;
import org.tol.stages.lookup.LookupGroup;
import org.tol.stages.lookup.LookupIndexStage;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleSpec;
import org.tol.stages.testing.SlowStageMain;
import org.tol.stages.testing.StageRuns;

/** kill -9 of a real child process mid-run, then a resume, gives the same files as an uninterrupted run. */
class KillResumeTest {
    @TempDir static Path tmp;
    static Path data;
    static Path lookup;

    @BeforeAll
    static void inputs() throws Exception {
        Path sample = tmp.resolve("sample");
        SampleMaker.make(sample, new SampleSpec(6, 36, 11, 0));
        data = sample.resolve("data");
        Path index = tmp.resolve("index");
        StageRuns.run(new LookupIndexStage(List.of(data.toString())), index);
        lookup = tmp.resolve("lookup");
        LookupBuilder.Options o = new LookupBuilder.Options(List.of(sample.resolve("attributes").toString()),
                List.of(index.toString()), null, null, LookupGroup.where("TRUE"), 1, 614, "500MB", 1);
        new LookupBuilder(o).build(Files.createDirectories(tmp.resolve("duck")), rel -> {
            Path f = lookup.resolve(rel);
            Files.createDirectories(f.getParent());
            return f;
        });
    }

    @Test
    void extract() throws Exception {
        killAndResume("extract", lookup.toString());
    }

    @Test
    void decode() throws Exception {
        killAndResume("decode", data.toString());
    }

    private static void killAndResume(String kind, String in) throws Exception {
        Path whole = tmp.resolve(kind + "-whole");
        assertEquals(ExitCodes.OK, StageRuns.run(SlowStageMain.create(kind, in, whole), whole));
        Path killed = tmp.resolve(kind + "-killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SlowStageMain.class.getName(), kind, in, killed.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve(kind + "-child.log").toFile()).start();
        Path records = killed.resolve("checkpoints_rank0/outputs.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (commits(records) < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        assertNotEquals(0, p.exitValue(), "the child was killed, not finished: " + Files.readString(tmp.resolve(kind + "-child.log")));
        int before = commits(records);
        assertTrue(before >= 1 && before < 6, kind + ": killed with " + before + " of 6 units committed");
        assertEquals(ExitCodes.OK, StageRuns.run(SlowStageMain.create(kind, in, killed), killed));
        Map<String, byte[]> a = StageRuns.outputs(whole);
        Map<String, byte[]> b = StageRuns.outputs(killed);
        assertEquals(a.keySet(), b.keySet(), kind);
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), kind + " " + k);
        }
    }

    private static int commits(Path records) throws java.io.IOException {
        if (!Files.exists(records)) {
            return 0;
        }
        return (int) Files.readAllLines(records).stream().filter(l -> l.contains("\"state\":\"commit\"")).count();
    }
}
