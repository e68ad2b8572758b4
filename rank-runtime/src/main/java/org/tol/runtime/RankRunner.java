package org.tol.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.filter.FilterFactory;
import org.tol.api.filter.ImageFilter;
import org.tol.api.model.Device;
import org.tol.api.schema.Column;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RankLock;
import org.tol.checkpoint.RankedPart;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.image.ImageDecoder;
import org.tol.runtime.collect.Collector;
import org.tol.runtime.collect.RankStatsFiles;
import org.tol.runtime.exec.CommitQueue;
import org.tol.runtime.exec.PartSink;
import org.tol.runtime.exec.ProgressReporter;
import org.tol.runtime.exec.RankStats;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.exec.UnitProcessor;
import org.tol.runtime.plan.InputSchemaCheck;
import org.tol.runtime.plan.InputCheck;
import org.tol.runtime.reference.ReferenceImport;
import org.tol.runtime.plan.Planner;

/**
 * One rank's whole run: lock, plan, skip what any rank finished, process units (resuming mid-unit), write
 * {@code predictions_rank{R}.parquet}, report stats, and (rank 0, when asked and allowed) collect.
 * Returns the rank's exit code: 0, 3 (some units failed) or 75 (interrupted, resumable).
 */
public final class RankRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RankRunner.class);

    private final RuntimeConfig config;
    private final RankContext ctx;
    private final Coordinator coordinator;
    private final StopFlag stop;
    private final Map<String, String> env;

    public RankRunner(RuntimeConfig config, RankContext ctx, Coordinator coordinator, StopFlag stop,
            Map<String, String> env) {
        this.config = config;
        this.ctx = ctx;
        this.coordinator = coordinator;
        this.stop = stop;
        this.env = env;
    }

    public int run(String filterName, FilterFactory factory) throws Exception {
        MDC.put("rank", "rank" + ctx.rank());
        OutLayout out = new OutLayout(config.output().toAbsolutePath());
        if (Files.exists(out.root()) && !Files.isDirectory(out.root())) {
            throw TolException.usage("--output " + config.output() + " is a file, not a directory",
                    "pass a directory path for --output (it is created when missing)");
        }
        // A wrong --input or a table without images is a usage error before anything is created in OUT.
        if (!Files.exists(out.runFile())) {
            InputSchemaCheck.accepted(config.inputs(), config.columns());
        }
        Files.createDirectories(out.root());
        Device device = DeviceSelector.choose(config.device(), ctx.localRank(), env);
        LOG.info("rank {}/{} (local {}, from {}) on {}, {}", ctx.rank(), ctx.worldSize(), ctx.localRank(),
                ctx.source(), device, coordinator.describe());
        try (RankLock lock = RankLock.acquire(out.lock(ctx.rank()), ctx.rank(), ctx.worldSize(), ctx.jobId());
                ImageFilter<?> filter = factory.create(device)) {
            if (!filter.name().equals(filterName)) {
                LOG.debug("filter reports name '{}' for command '{}'", filter.name(), filterName);
            }
            discardUncommitted(out);
            // Other input columns read other values: part of the run, so a resume cannot mix them.
            Map<String, String> fingerprint = new java.util.LinkedHashMap<>(filter.fingerprint());
            fingerprint.putAll(config.columns().fingerprint());
            RunPlan plan = coordinator.plan(() -> planOrLoad(out, filterName, fingerprint));
            RunStore.checkSameRun(out, plan, filterName, fingerprint);
            ReferenceImport.runOnce(out, plan, outputColumns(filter)); // an OUT the reference pipeline started
            DoneState done = DoneState.load(out).withInputs(plan.unitInputKeys());
            Coordinator.WorkSource source = coordinator.work(plan, done, ctx);
            RankStats stats = new RankStats(ctx.rank(), plan.units().size(), source.expectedUnits(),
                    source.expectedBytes());
            stats.step(env.get("TOL_STEP"));
            boolean allDoneBefore = plan.units().stream().allMatch(done::isDone);
            Map<String, Object> previous = allDoneBefore ? RankStatsFiles.readOne(out.stats(ctx.rank())) : null;
            int code;
            try (ProgressReporter progress = new ProgressReporter(stats, out.stats(ctx.rank()), lock,
                    config.progressSeconds(), !Boolean.getBoolean("tol.quiet"))) {
                try {
                    code = runUnits(filter, out, done, source, stats, plan.unitInputKeys());
                    // Also when interrupted: the per-rank files then hold every row committed so far, once (the
                    // grace watchdog may cut this short; the previous file stays until the atomic rename).
                    PredictionsWriter.write(out, plan, ctx.rank(), ctx.worldSize(), outputColumns(filter));
                    if (org.tol.runtime.embed.EmbeddingSet.has(outputColumns(filter))) {
                        org.tol.runtime.embed.EmbeddingSet.write(List.of(out.predictions(ctx.rank())),
                                out.embeddings(ctx.rank()), org.tol.runtime.embed.EmbeddingSet.shardRows());
                    }
                } catch (Exception | Error e) {
                    // The rank's own status file says it failed, so a job script cannot mistake it for a 75.
                    stats.end("failed", ExitCodes.FAILURE);
                    throw e;
                }
                stats.end(code == ExitCodes.INTERRUPTED ? "interrupted" : "finished", code);
                progress.writeStats();
                if (!allDoneBefore) {
                    LOG.info(progress.line());
                }
            }
            if (allDoneBefore) {
                LOG.info("nothing to do: all {} units in {} are done (run 'tol collect {}' for the results)",
                        plan.units().size(), out.root(), out.root());
                // Keep the counters of the run that did the work; only the state, step and time are new.
                RankStatsFiles.keepCounters(out.stats(ctx.rank()), previous, stats.toJson());
            }
            if (code == ExitCodes.INTERRUPTED) {
                return code;
            }
            List<Map<String, Object>> all = coordinator.finish(stats.toJson());
            if (config.collect()) {
                if (coordinator.mayCollect(ctx)) {
                    int c = new Collector(out, config.allowPartial()).collect(out.collected()).exitCode();
                    code = Math.max(code, c);
                } else if (ctx.rank() == 0) {
                    LOG.warn("--collect ignored: without MPJ, rank 0 cannot know when the other {} ranks are done;"
                            + " run 'tol collect {}' after the job step", ctx.worldSize() - 1, out.root());
                }
            }
            if (ctx.rank() == 0 && all.size() > 1) {
                LOG.info("all {} ranks finished: {} rows", all.size(),
                        all.stream().mapToLong(m -> ((Number) m.get("rows")).longValue()).sum());
            }
            return code;
        }
    }

    /**
     * Deletes temp files a killed predecessor of this rank left in its checkpoint directory: parts that were
     * never committed. Safe because this rank holds the directory's lock.
     */
    private void discardUncommitted(OutLayout out) throws IOException {
        java.nio.file.Path dir = out.checkpointDir(ctx.rank());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString()
                    .startsWith(org.tol.io.fs.AtomicFiles.TEMP_PREFIX)).toList()) {
                LOG.debug("discarding uncommitted {}", f.getFileName());
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * The stored plan after comparing it with this start's inputs ({@link InputCheck}: added files planned,
     * moved inputs followed, changed or missing ones refused unless --replan), or a new plan on the first start.
     */
    private RunPlan planOrLoad(OutLayout out, String filterName, Map<String, String> fingerprint) {
        try {
            RunPlan stored = RunStore.read(out);
            if (stored == null) {
                RunPlan plan = Planner.plan(filterName, fingerprint, config.inputs(), config.columns(),
                        config.splitBytes(), config.unitRowGroups());
                RunStore.write(out, plan);
                return plan;
            }
            RunStore.checkSameRun(out, stored, filterName, fingerprint);
            InputCheck.Outcome checked = InputCheck.check(stored, config.inputs(), config.columns(), config.replan(),
                    config.splitBytes(), config.unitRowGroups());
            if (checked.changed()) {
                RunStore.write(out, checked.plan());
            }
            return checked.plan();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <P> int runUnits(ImageFilter<P> filter, OutLayout out, DoneState done, Coordinator.WorkSource source,
            RankStats stats, Map<String, String> inputKeys) throws Exception {
        int batch = config.batchSize() > 0 ? config.batchSize() : Math.max(1, filter.preferredBatchSize());
        int threads = config.effectivePrepThreads(env);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tol-prep-rank" + ctx.rank());
            t.setDaemon(true);
            return t;
        });
        List<Column> columns = outputColumns(filter);
        UnitProcessor<P> processor = new UnitProcessor<>(filter, new ImageDecoder(), pool, batch,
                config.checkpointEvery(), threads, stop, stats, config.columns());
        // Create the rank's directories once and make their entries durable, so a part, manifest or log line
        // that is fsync'd later can never lose the directory that holds it.
        Files.createDirectories(out.checkpointDir(ctx.rank()));
        Files.createDirectories(out.logsDir());
        org.tol.io.fs.AtomicFiles.fsyncDir(out.root());
        try (CommitQueue commits = new CommitQueue("tol-commit-rank" + ctx.rank(), 4)) {
            int code = processUnits(processor, columns, out, done, source, stats, commits, inputKeys);
            // Everything queued is durable before the exit code (75 included) or predictions_rank{R} are written.
            commits.drain();
            return code;
        } finally {
            pool.shutdownNow();
        }
    }

    private <P> int processUnits(UnitProcessor<P> processor, List<Column> columns, OutLayout out, DoneState done,
            Coordinator.WorkSource source, RankStats stats, CommitQueue commits, Map<String, String> inputKeys)
            throws Exception {
        boolean anyFailed = false;
        for (WorkUnit unit = source.next(); unit != null; unit = source.next()) {
            if (stop.stopped()) {
                return ExitCodes.INTERRUPTED;
            }
            if (done.isDone(unit)) {
                if (done.loggedProcessed(unit)) {
                    stats.unitsSkipped.incrementAndGet();
                } else {
                    // Crashed between the last part's manifest line and the processed-log line (or the inputs
                    // moved, so the logged path is another): the log gets the unit's current path.
                    markProcessed(out, unit, stats, commits);
                }
                continue;
            }
            UnitProcessor.Result r = processGaps(processor, columns, out, done, unit, commits, inputKeys.get(unit.id()));
            switch (r.outcome()) {
                case DONE -> markProcessed(out, unit, stats, commits);
                case INTERRUPTED -> {
                    commits.drain();
                    LOG.warn("stopping on {}: {} committed; exit {} (run again to resume)", r.error(), unit.id(),
                            ExitCodes.INTERRUPTED);
                    return ExitCodes.INTERRUPTED;
                }
                case FAILED -> {
                    anyFailed = true;
                    stats.unitsFailed.incrementAndGet();
                    LOG.error("input {} failed and is not marked processed: {}", unit.logLine(), r.error());
                    AppendLog.append(out.failedLog(ctx.rank()), unit.logLine() + "\t" + r.error());
                }
            }
        }
        return anyFailed ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    /**
     * Processes the rows of a unit that no counted part holds: from the end of its committed parts up to the
     * next counted part (imported reference rows, or the parts after a damaged one), then on after those, until
     * the unit's last row.
     */
    private <P> UnitProcessor.Result processGaps(UnitProcessor<P> processor, List<Column> columns, OutLayout out,
            DoneState done, WorkUnit unit, CommitQueue commits, String inputKey) throws Exception {
        long from = done.resumeRow(unit.id());
        while (true) {
            long end = done.nextPartStart(unit.id(), from);
            if (from > 0 || end >= 0) {
                LOG.info("resuming {} at row {}{}", unit.id(), from, end >= 0 ? " up to row " + end : "");
            }
            UnitProcessor.Result r;
            try (PartSink sink = new PartSink(out, ctx.rank(), unit, columns, from, commits, inputKey)) {
                r = processor.process(unit, from, end, sink);
            }
            if (r.outcome() != UnitProcessor.Outcome.DONE || end < 0) {
                return r;
            }
            List<RankedPart> after = done.chainFrom(unit.id(), end);
            RankedPart tail = after.get(after.size() - 1);
            if (tail.record().last()) {
                return r;
            }
            from = tail.record().endRow();
        }
    }

    /** Queues the unit's processed-log line after its last part's manifest line (same FIFO thread). */
    private void markProcessed(OutLayout out, WorkUnit unit, RankStats stats, CommitQueue commits)
            throws IOException, InterruptedException {
        java.nio.file.Path log = out.processedLog(ctx.rank());
        String line = unit.logLine();
        commits.submit(() -> {
            AppendLog.append(log, line);
            stats.unitsDone.incrementAndGet();
            stats.bytesDone.addAndGet(unit.bytes());
        });
    }

    /** uuid, status, error, then the filter's own columns: the schema of every part and prediction file. */
    public static List<Column> outputColumns(ImageFilter<?> filter) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.string("uuid"));
        cols.add(Column.string("status"));
        cols.add(Column.string("error"));
        for (Column c : filter.outputColumns()) {
            if (List.of("uuid", "status", "error").contains(c.name())) {
                throw new IllegalStateException("filter " + filter.name() + " declares reserved column " + c.name());
            }
            cols.add(c);
        }
        for (String u : filter.uuidColumns()) {
            if (!cols.contains(Column.string(u))) {
                throw new IllegalStateException("filter " + filter.name() + " copies the uuid into " + u
                        + " but does not declare it as a string column");
            }
        }
        return cols;
    }
}
