package org.tol.cli;

import picocli.CommandLine.Option;

/**
 * The rank-runtime options filters ({@link RuntimeOptions}) and stages ({@link StageOptions}) share: who this
 * rank is, MPJ, signals, progress, locks and {@code --replan}. One declaration, so names, defaults and help
 * stay the same in both.
 */
public abstract class RankOptions {
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

    // Accepted so existing scripts keep working; rank locks are OS file locks now (the kernel frees them).
    @Option(names = "--lock-stale-seconds", defaultValue = "300", paramLabel = "S", hidden = true,
            description = "Ignored: rank locks are OS file locks, released by the kernel when their holder dies.")
    public int lockStaleSeconds;

    @Option(names = "--replan", description = "Inputs changed or missing since OUT was planned: keep the finished "
            + "units of unchanged files and plan the rest afresh (without it such a start exits 2, naming them).")
    public boolean replan;
}
