package org.tol.cli;

import java.nio.file.Path;
import java.util.List;
import org.tol.api.stage.StageFactory;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.RuntimeLauncher;
import picocli.CommandLine.Option;

/**
 * The rank-runtime options every stage command shares (ranks, MPJ, signals, progress, locks) and the hand-off
 * to {@link RuntimeLauncher#runStage}. Input and output options belong to each stage (their names differ).
 */
public final class StageOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--rank", paramLabel = "R", description = "This process's rank (default: SLURM_PROCID, RANK, or 0).")
    public Integer rank;

    @Option(names = "--world-size", paramLabel = "N", description = "Number of ranks (default: SLURM_NTASKS, WORLD_SIZE, or 1).")
    public Integer worldSize;

    @Option(names = "--grace-seconds", defaultValue = "60", paramLabel = "S",
            description = "After SIGTERM/SIGUSR1, exit 75 within S seconds (default: ${DEFAULT-VALUE}).")
    public int graceSeconds;

    @Option(names = "--progress-seconds", defaultValue = "10", paramLabel = "S",
            description = "Progress line and stats/rank{R}.json every S seconds (default: ${DEFAULT-VALUE}).")
    public double progressSeconds;

    @Option(names = "--mpj", defaultValue = "none", paramLabel = "MODE",
            description = "none | multicore:N (N rank threads here) | niodev (one rank per srun task) (default: ${DEFAULT-VALUE}).")
    public String mpj;

    @Option(names = "--lock-stale-seconds", defaultValue = "300", paramLabel = "S",
            description = "A rank lock from another host without heartbeat for S seconds is taken over (default: ${DEFAULT-VALUE}).")
    public int lockStaleSeconds;

    @Option(names = "--json", description = "Print the summary of OUT's committed units as JSON on stdout.")
    public boolean json;

    /**
     * Runs the stage on this rank (or the MPJ ranks), then prints the summary of what OUT holds; returns 0,
     * 3 when units failed, 75 when interrupted.
     */
    public int run(List<String> inputs, Path output, StageFactory factory) {
        if (LoggingMixin.isQuiet()) {
            System.setProperty("tol.quiet", "true");
        }
        RuntimeConfig config = new RuntimeConfig(inputs, output, "cpu", 0, 1, 1, 0, 1, graceSeconds, progressSeconds,
                false, false, lockStaleSeconds);
        int code = RuntimeLauncher.runStage(config, rank, worldSize, mpj, factory);
        boolean rankZero = org.tol.runtime.RankContext.detect(System.getenv(), rank, worldSize).rank() == 0;
        if (code != org.tol.api.ExitCodes.INTERRUPTED && rankZero) {
            StageSummary.print(output, json, mixee == null ? new java.io.PrintWriter(System.out, true)
                    : mixee.commandLine().getOut());
        }
        return code;
    }
}
