package org.tol.runtime.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.RankContext;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.StaticCoordinator;
import org.tol.runtime.exec.StopFlag;

class StageRunnerTest {
    @TempDir Path tmp;

    /** Writes {@code <unit>/a.txt} and {@code <unit>/b.txt}; can fail or stop on a chosen unit. */
    static final class ToyStage implements Stage {
        final Set<String> ran = ConcurrentHashMap.newKeySet();
        String failOn;
        String stopOn;
        String badRowOn;
        StopFlag stop;

        @Override
        public String name() {
            return "toy";
        }

        @Override
        public List<String> inputs() {
            return List.of("toy-input");
        }

        @Override
        public List<StageUnit> plan() {
            List<StageUnit> units = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                units.add(new StageUnit("u" + i, "/in/u" + i, 10 + i));
            }
            return units;
        }

        @Override
        public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
            ran.add(unit.id());
            Files.writeString(out.file(unit.id() + "/a.txt"), "a of " + unit.id());
            if (unit.id().equals(failOn)) {
                throw new IllegalStateException("planted failure");
            }
            if (unit.id().equals(stopOn)) {
                stop.stop("test");
                if (out.stopRequested()) {
                    throw new InterruptedException("stopping");
                }
            }
            Files.writeString(out.file(unit.id() + "/b.txt"), "b of " + unit.id());
            List<Map<String, String>> failed = unit.id().equals(badRowOn)
                    ? List.of(UnitResult.failure("x", "bad", "planted")) : List.of();
            return new UnitResult(2, failed, Map.of("k", "v"));
        }
    }

    private int run(Path out, ToyStage stage, StopFlag stop) throws Exception {
        RuntimeConfig config = new RuntimeConfig(List.of("toy-input"), out, "cpu", 0, 1, 1, 0, 1, 5, 3600, false,
                false, 300);
        return new StageRunner(config, RankContext.single(), new StaticCoordinator(), stop).run(stage);
    }

    @Test
    void commitsEveryUnitsFilesWithRecordsAndSkipsThemOnRerun() throws Exception {
        Path out = tmp.resolve("out");
        ToyStage stage = new ToyStage();
        assertEquals(ExitCodes.OK, run(out, stage, new StopFlag()));
        for (int i = 0; i < 3; i++) {
            assertEquals("a of u" + i, Files.readString(out.resolve("u" + i + "/a.txt")));
            assertEquals("b of u" + i, Files.readString(out.resolve("u" + i + "/b.txt")));
        }
        OutLayout layout = new OutLayout(out);
        List<String> records = AppendLog.read(layout.stageManifest(0));
        assertEquals(6, records.size());
        assertTrue(records.get(0).contains("\"state\":\"intent\""));
        assertTrue(records.get(1).contains("\"state\":\"commit\"") && records.get(1).contains("\"bytes\":[7,7]")
                && records.get(1).contains("\"details\":{\"k\":\"v\"}"), records.get(1));
        assertEquals(Set.of("/in/u0", "/in/u1", "/in/u2"), Set.copyOf(AppendLog.read(layout.processedLog(0))));
        assertFalse(Files.exists(layout.staging(0).resolve("u0")), "staging is emptied after commit");
        Map<String, Object> status = org.tol.runtime.status.StatusReport.build(layout, 600);
        assertEquals(3, ((Number) status.get("units_done")).intValue());
        assertEquals(6L, ((Number) status.get("rows_committed")).longValue(), "tol status counts stage rows");
        assertEquals(Boolean.TRUE, org.tol.runtime.status.VerifyReport.build(layout).get("ok"));
        Files.writeString(out.resolve("u1/b.txt"), "damaged");
        Map<String, Object> verify = org.tol.runtime.status.VerifyReport.build(layout);
        assertEquals(Boolean.FALSE, verify.get("ok"), "tol verify checks a stage's files against their record");
        assertTrue(verify.get("damaged_parts").toString().contains("u1/b.txt"), verify.toString());
        Files.writeString(out.resolve("u1/b.txt"), "b of u1");

        ToyStage again = new ToyStage();
        assertEquals(ExitCodes.OK, run(out, again, new StopFlag()));
        assertTrue(again.ran.isEmpty(), "finished units are not redone");
    }

    @Test
    void aFailedUnitIsLoggedNotCommittedAndRedoneNextRun() throws Exception {
        Path out = tmp.resolve("out");
        ToyStage stage = new ToyStage();
        stage.failOn = "u1";
        assertEquals(ExitCodes.INCOMPLETE, run(out, stage, new StopFlag()));
        assertFalse(Files.exists(out.resolve("u1/a.txt")), "a failed unit's files never appear");
        OutLayout layout = new OutLayout(out);
        assertTrue(AppendLog.read(layout.failedLog(0)).get(0).startsWith("/in/u1\tIllegalStateException: planted"));

        ToyStage again = new ToyStage();
        assertEquals(ExitCodes.OK, run(out, again, new StopFlag()));
        assertEquals(Set.of("u1"), again.ran);
        assertEquals("b of u1", Files.readString(out.resolve("u1/b.txt")));
    }

    @Test
    void stopLeavesTheUnitUncommittedAndExits75() throws Exception {
        Path out = tmp.resolve("out");
        ToyStage stage = new ToyStage();
        StopFlag stop = new StopFlag();
        stage.stop = stop;
        stage.stopOn = "u2"; // the largest unit runs first (largest-first plan)
        assertEquals(ExitCodes.INTERRUPTED, run(out, stage, stop));
        assertFalse(Files.exists(out.resolve("u2")));
        ToyStage again = new ToyStage();
        assertEquals(ExitCodes.OK, run(out, again, new StopFlag()));
        assertEquals(Set.of("u0", "u1", "u2"), again.ran);
    }

    @Test
    void neverOverwritesAFileTolDidNotWriteButReplacesItsOwnUncommittedOnes() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("u0"));
        Files.writeString(out.resolve("u0/a.txt"), "user's file");
        TolException e = assertThrows(TolException.class, () -> run(out, new ToyStage(), new StopFlag()));
        assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        assertEquals("user's file", Files.readString(out.resolve("u0/a.txt")));

        // A crash after the intent record and a rename, before the commit record: the redo may replace it.
        Path out2 = tmp.resolve("out2");
        Files.createDirectories(out2.resolve("u0"));
        Files.writeString(out2.resolve("u0/a.txt"), "half-committed");
        AppendLog.append(new OutLayout(out2).stageManifest(0),
                "{\"unit\":\"u0\",\"state\":\"intent\",\"files\":[\"u0/a.txt\",\"u0/b.txt\"]}");
        assertEquals(ExitCodes.OK, run(out2, new ToyStage(), new StopFlag()));
        assertEquals("a of u0", Files.readString(out2.resolve("u0/a.txt")));
    }

    @Test
    void aFailedRowCommitsTheUnitAndExits3() throws Exception {
        Path out = tmp.resolve("out");
        ToyStage stage = new ToyStage();
        stage.badRowOn = "u1";
        assertEquals(ExitCodes.INCOMPLETE, run(out, stage, new StopFlag()));
        String commit = AppendLog.read(new OutLayout(out).stageManifest(0)).stream()
                .filter(l -> l.contains("\"u1\"") && l.contains("commit")).findFirst().orElseThrow();
        assertTrue(commit.contains("\"failures\":[{\"key\":\"x\",\"status\":\"bad\",\"error\":\"planted\"}]"), commit);
        ToyStage again = new ToyStage();
        assertEquals(ExitCodes.OK, run(out, again, new StopFlag()));
        assertTrue(again.ran.isEmpty(), "a unit with failed rows is done; the rows are listed, not retried");
    }

    private int runStep(Path out, ToyStage stage, StopFlag stop, String step) throws Exception {
        RuntimeConfig config = new RuntimeConfig(List.of("toy-input"), out, "cpu", 0, 1, 1, 0, 1, 5, 3600, false,
                false, 300);
        return new StageRunner(config, RankContext.single(), new StaticCoordinator(), stop, Map.of("TOL_STEP", step))
                .run(stage);
    }

    @Test
    void aStageRankRecordsItsStepAndExitCodeForTheJobScriptsVerdict() throws Exception {
        Path out = tmp.resolve("out");
        OutLayout layout = new OutLayout(out);
        ToyStage stage = new ToyStage();
        StopFlag stop = new StopFlag();
        stage.stop = stop;
        stage.stopOn = "u2";
        assertEquals(ExitCodes.INTERRUPTED, runStep(out, stage, stop, "job.0.1"));
        Map<String, Object> stats = org.tol.runtime.collect.RankStatsFiles.readOne(layout.stats(0));
        assertEquals("job.0.1", stats.get("step"));
        assertEquals(75, ((Number) stats.get("exit_code")).intValue());
        assertEquals("interrupted", stats.get("state"));
        assertEquals(ExitCodes.INTERRUPTED, org.tol.runtime.status.StepVerdict.of(layout, "job.0.1", 1).exitCode());
        assertEquals(ExitCodes.FAILURE, org.tol.runtime.status.StepVerdict.of(layout, "job.0.2", 1).exitCode(),
                "a step whose rank left no record is a failure, not a requeue");

        // A rank that dies on an exception (here: refusing to overwrite a foreign file) records 'failed', 1.
        Path out2 = tmp.resolve("out2");
        Files.createDirectories(out2.resolve("u0"));
        Files.writeString(out2.resolve("u0/a.txt"), "user's file");
        assertThrows(TolException.class, () -> runStep(out2, new ToyStage(), new StopFlag(), "job.1.1"));
        Map<String, Object> failed = org.tol.runtime.collect.RankStatsFiles.readOne(new OutLayout(out2).stats(0));
        assertEquals("failed", failed.get("state"));
        assertEquals(1, ((Number) failed.get("exit_code")).intValue());
        assertEquals(ExitCodes.FAILURE, org.tol.runtime.status.StepVerdict.of(new OutLayout(out2), "job.1.1", 1)
                .exitCode());
    }

    @Test
    void refusesPathsOutsideOut() {
        assertThrows(IllegalArgumentException.class, () -> StageFiles.checkRelative("../x"));
        assertThrows(IllegalArgumentException.class, () -> StageFiles.checkRelative("/etc/x"));
        assertThrows(IllegalArgumentException.class, () -> StageFiles.checkRelative("a/../../x"));
        assertEquals("a/b", StageFiles.checkRelative("a/./b"));
    }
}
