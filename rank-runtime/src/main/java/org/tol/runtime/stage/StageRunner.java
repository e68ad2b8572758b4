package org.tol.runtime.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitResult;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RankLock;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.fs.AtomicFiles;
import org.tol.runtime.Coordinator;
import org.tol.runtime.RankContext;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.exec.CommitQueue;
import org.tol.runtime.exec.ProgressReporter;
import org.tol.runtime.exec.RankStats;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.plan.InputCheck;
import org.tol.runtime.plan.Lpt;
import org.tol.runtime.plan.Planner;

/**
 * One rank of a {@link Stage}: the same lock, plan, shares, skip-what-is-done, progress, stats, failed-unit
 * log and exit codes as a filter's rank ({@code RankRunner}), with a unit's output being files committed by
 * {@link StageCommit} instead of prediction parts. Returns 0, 3 (some units failed) or 75 (interrupted).
 */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    private final RuntimeConfig config;
    private final RankContext ctx;
    private final Coordinator coordinator;
    private final StopFlag stop;
    private final Map<String, String> env;

    /** A rank without a job step (tests, benches): its stats carry no {@code step}. */
    public StageRunner(RuntimeConfig config, RankContext ctx, Coordinator coordinator, StopFlag stop) {
        this(config, ctx, coordinator, stop, Map.of());
    }

    public StageRunner(RuntimeConfig config, RankContext ctx, Coordinator coordinator, StopFlag stop,
            Map<String, String> env) {
        this.config = config;
        this.ctx = ctx;
        this.coordinator = coordinator;
        this.stop = stop;
        this.env = env;
    }

    public int run(Stage stage) throws Exception {
        MDC.put("rank", "rank" + ctx.rank());
        OutLayout out = new OutLayout(config.output().toAbsolutePath());
        Files.createDirectories(out.root());
        LOG.info("{} rank {}/{} (local {}, from {}), {}", stage.name(), ctx.rank(), ctx.worldSize(), ctx.localRank(),
                ctx.source(), coordinator.describe());
        try (RankLock lock = RankLock.acquire(out.lock(ctx.rank()), ctx.rank(), ctx.worldSize(), ctx.jobId())) {
            // Files a killed predecessor of this rank staged but never committed; safe: we hold its lock.
            StageFiles.deleteTree(out.staging(ctx.rank()));
            Map<String, String> fingerprint = stage.fingerprint();
            RunPlan plan = coordinator.plan(() -> planOrLoad(out, stage, fingerprint));
            RunStore.checkSameRun(out, plan, stage.name(), fingerprint);
            Map<String, String> inputKeys = new java.util.HashMap<>(plan.unitInputKeys());
            DoneState done = StageInputKeys.check(stage, plan, DoneState.load(out), inputKeys);
            Coordinator.WorkSource source = coordinator.work(plan, done, ctx);
            RankStats stats = new RankStats(ctx.rank(), plan.units().size(), source.expectedUnits(),
                    source.expectedBytes());
            stats.step(env.get("TOL_STEP")); // the job script's step verdict reads it with the exit code below
            int code;
            try (ProgressReporter progress = new ProgressReporter(stats, out.stats(ctx.rank()), lock,
                    config.progressSeconds(), !Boolean.getBoolean("tol.quiet"))) {
                try {
                    code = runUnits(stage, out, done, source, stats, inputKeys);
                } catch (Exception | Error e) {
                    // The rank's own status file says it failed, so a job script cannot mistake it for a 75.
                    stats.end("failed", ExitCodes.FAILURE);
                    throw e;
                }
                stats.end(code == ExitCodes.INTERRUPTED ? "interrupted" : "finished", code);
                progress.writeStats();
                LOG.info(progress.line());
            }
            if (code != ExitCodes.INTERRUPTED) {
                coordinator.finish(stats.toJson());
            }
            return code;
        }
    }

    /**
     * The stored plan, or a new one on the first start. For a stage whose units are its input files the plan
     * records their identities, and every later start compares them with {@link InputCheck}, the filters' check.
     */
    private RunPlan planOrLoad(OutLayout out, Stage stage, Map<String, String> fingerprint) {
        try {
            RunPlan stored = RunStore.read(out);
            if (stored == null) {
                RunPlan plan = newPlan(stage, fingerprint);
                RunStore.write(out, plan);
                return plan;
            }
            RunStore.checkSameRun(out, stored, stage.name(), fingerprint);
            if (!stage.unitsAreInputFiles()) {
                return stored;
            }
            InputCheck.Outcome checked = InputCheck.check(stored, stage.inputs(), StagePlans.columns(stage),
                    config.replan(), 0, 1);
            if (checked.changed()) {
                RunPlan plan = checked.plan();
                stage.replanned(plan.units().stream().map(u -> new StageUnit(u.id(), u.path(), u.bytes())).toList(),
                        freshUnits(stored, plan));
                RunStore.write(out, plan);
            }
            return checked.plan();
        } catch (TolException | UncheckedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(stage.name() + " could not plan: " + e.getMessage(), e);
        }
    }

    private RunPlan newPlan(Stage stage, Map<String, String> fingerprint) throws Exception {
        List<WorkUnit> units = stage.plan().stream().map(StagePlans::workUnit).toList();
        if (units.isEmpty()) {
            throw TolException.usage(stage.name() + ": nothing to do in " + stage.inputs(), "check the input paths");
        }
        LOG.info("planned {} units", units.size());
        if (!stage.unitsAreInputFiles()) {
            return new RunPlan(stage.name(), fingerprint, stage.inputs(), Lpt.largestFirst(units));
        }
        // The same listing as StagePlans.files, read for the files' identities (root + relative path -> identity).
        RunPlan files = Planner.plan(stage.name(), fingerprint, stage.inputs(), StagePlans.columns(stage), 0, 1);
        return new RunPlan(stage.name(), fingerprint, stage.inputs(), Lpt.largestFirst(units), files.root(),
                files.files());
    }

    /** Units of the new plan whose file is new or has another identity than in the stored plan. */
    private static Set<String> freshUnits(RunPlan stored, RunPlan now) {
        Map<String, String> before = stored.unitInputKeys();
        Map<String, String> after = now.unitInputKeys();
        Set<String> fresh = new java.util.TreeSet<>();
        for (WorkUnit u : now.units()) {
            if (!after.getOrDefault(u.id(), "").equals(before.get(u.id()))) {
                fresh.add(u.id());
            }
        }
        return fresh;
    }

    private int runUnits(Stage stage, OutLayout out, DoneState done, Coordinator.WorkSource source,
            RankStats stats, Map<String, String> inputKeys) throws Exception {
        Files.createDirectories(out.checkpointDir(ctx.rank()));
        Files.createDirectories(out.logsDir());
        AtomicFiles.fsyncDir(out.root());
        // Files committed by this process, in addition to those any earlier run recorded.
        Set<String> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
        boolean anyFailed = false;
        int seq = 0;
        try (CommitQueue commits = new CommitQueue("tol-commit-rank" + ctx.rank(), 4)) {
            for (WorkUnit unit = source.next(); unit != null; unit = source.next()) {
                if (stop.stopped()) {
                    commits.drain();
                    return ExitCodes.INTERRUPTED;
                }
                if (done.stageCommit(unit.id()) != null) {
                    stats.unitsSkipped.incrementAndGet();
                    if (!done.processedLines().contains(unit.logLine())) {
                        // Crashed between the commit record and the processed-log line.
                        Path log = out.processedLog(ctx.rank());
                        String line = unit.logLine();
                        commits.submit(() -> AppendLog.append(log, line));
                    }
                    continue;
                }
                StagingOutput staged = new StagingOutput(out.staging(ctx.rank()).resolve("u" + seq++), stop, stats);
                StageUnit su = new StageUnit(unit.id(), unit.path(), unit.bytes());
                UnitResult result;
                long rowsBefore = stats.rows.get();
                String inputKey = inputKeys.get(unit.id());
                try {
                    if (inputKey == null) {
                        inputKey = stage.unitInputKey(su); // before the unit reads them: a later change is seen
                    }
                    result = stage.run(su, staged);
                } catch (Exception | LinkageError e) {
                    staged.discard();
                    stats.rows.set(rowsBefore);
                    if (stop.stopped()) {
                        commits.drain();
                        LOG.warn("stopping on {}: {} not committed (redone next run); exit {}", stop.reason(),
                                unit.id(), ExitCodes.INTERRUPTED);
                        return ExitCodes.INTERRUPTED;
                    }
                    if (e instanceof TolException te && te.exitCode() != ExitCodes.INCOMPLETE) {
                        throw te;
                    }
                    anyFailed = true;
                    stats.unitsFailed.incrementAndGet();
                    String reason = describe(e);
                    LOG.error("unit {} failed and is not marked processed: {}", unit.id(), reason);
                    LOG.debug("unit failure", e);
                    AppendLog.append(out.failedLog(ctx.rank()), unit.logLine() + "\t" + reason);
                    continue;
                }
                stats.rows.set(rowsBefore + result.rows());
                stats.rowsFailed.addAndGet(result.failures().size());
                if (!result.failures().isEmpty()) {
                    anyFailed = true; // committed, but the run is incomplete: exit 3
                    LOG.warn("unit {}: {} rows failed (listed in its commit record)", unit.id(), result.failures().size());
                }
                commits.submit(StageCommit.prepare(out, ctx.rank(), unit, staged, result,
                        rel -> done.stageWrote(rel) || mine.contains(rel), stats, inputKey,
                        leftovers(done, unit.id(), staged.files(), mine)));
                mine.addAll(staged.files());
            }
            commits.drain();
        }
        return anyFailed ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    /**
     * Files an earlier commit (or a cut-short commit) of this unit put under OUT that its redo no longer writes,
     * e.g. fewer extract parts after its data shrank: left in place, a reader globbing the unit's folder would
     * see stale rows. Files that another unit's counted commit or this process named are kept.
     */
    static Set<String> leftovers(DoneState done, String unitId, List<String> now, Set<String> mine) {
        Set<String> before = done.stageFilesOf(unitId);
        if (before.isEmpty()) {
            return Set.of();
        }
        Set<String> stale = new java.util.HashSet<>(before);
        stale.removeAll(now);
        stale.removeAll(mine);
        if (!stale.isEmpty()) {
            done.stageCommits().forEach((unit, rec) -> {
                if (!unit.equals(unitId) && rec.files() != null) {
                    rec.files().forEach(stale::remove);
                }
            });
        }
        return stale;
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.replace('\n', ' ').replace('\t', ' '));
    }
}
