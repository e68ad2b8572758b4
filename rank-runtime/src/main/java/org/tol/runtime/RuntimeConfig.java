package org.tol.runtime;

import java.nio.file.Path;
import java.util.List;
import org.tol.io.parquet.InputColumns;

/**
 * Everything the rank runtime needs besides the filter: where to read and write, batching, threads,
 * checkpoint cadence, unit splitting and signal handling. Built by the CLI's {@code RuntimeOptions}.
 *
 * @param batchSize          images per inference batch; 0 = the filter's preferred size
 * @param prepThreads        preprocessing (decode + prepare) threads; 0 = SLURM_CPUS_PER_TASK or all cores
 * @param checkpointEvery    commit a part every this many batches within a unit
 * @param splitBytes         files larger than this are split into row-group-range units; 0 = never split
 * @param unitRowGroups      row groups per unit when a file is split
 * @param graceSeconds       after SIGTERM/SIGUSR1, exit 75 at the latest after this long
 * @param progressSeconds    how often progress is printed and stats/rank{R}.json rewritten
 * @param collect            run the collect step at the end (rank 0, after all ranks are done)
 * @param lockStaleSeconds   unused since rank locks are OS file locks (kept so existing callers compile)
 * @param replan             inputs changed or missing since the plan: keep finished units of unchanged files,
 *                           plan the rest afresh (else such a start is refused with exit 2)
 * @param columns            which input columns hold the id, the image and its sizes
 */
public record RuntimeConfig(
        List<String> inputs,
        Path output,
        String device,
        int batchSize,
        int prepThreads,
        int checkpointEvery,
        long splitBytes,
        int unitRowGroups,
        int graceSeconds,
        double progressSeconds,
        boolean collect,
        boolean allowPartial,
        int lockStaleSeconds,
        boolean replan,
        InputColumns columns) {

    /** Without {@code replan}, with TreeOfLife's column names. */
    public RuntimeConfig(List<String> inputs, Path output, String device, int batchSize, int prepThreads,
            int checkpointEvery, long splitBytes, int unitRowGroups, int graceSeconds, double progressSeconds,
            boolean collect, boolean allowPartial, int lockStaleSeconds) {
        this(inputs, output, device, batchSize, prepThreads, checkpointEvery, splitBytes, unitRowGroups, graceSeconds,
                progressSeconds, collect, allowPartial, lockStaleSeconds, false, InputColumns.DEFAULT);
    }

    /** With TreeOfLife's column names. */
    public RuntimeConfig(List<String> inputs, Path output, String device, int batchSize, int prepThreads,
            int checkpointEvery, long splitBytes, int unitRowGroups, int graceSeconds, double progressSeconds,
            boolean collect, boolean allowPartial, int lockStaleSeconds, boolean replan) {
        this(inputs, output, device, batchSize, prepThreads, checkpointEvery, splitBytes, unitRowGroups, graceSeconds,
                progressSeconds, collect, allowPartial, lockStaleSeconds, replan, InputColumns.DEFAULT);
    }

    /** The same configuration with {@code --replan} set as given. */
    public RuntimeConfig withReplan(boolean value) {
        return new RuntimeConfig(inputs, output, device, batchSize, prepThreads, checkpointEvery, splitBytes,
                unitRowGroups, graceSeconds, progressSeconds, collect, allowPartial, lockStaleSeconds, value, columns);
    }

    public RuntimeConfig {
        inputs = List.copyOf(inputs);
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 1, got " + checkpointEvery);
        }
        if (unitRowGroups < 1) {
            throw new IllegalArgumentException("--unit-row-groups must be at least 1, got " + unitRowGroups);
        }
        if (batchSize < 0 || prepThreads < 0 || graceSeconds < 0) {
            throw new IllegalArgumentException("--batch-size, --prep-threads and --grace-seconds must not be negative");
        }
    }

    /**
     * The prep threads to use: {@code --prep-threads}, else {@code SLURM_CPUS_PER_TASK} (what srun gives each
     * task; {@code tol launch} sets it to cores / ranks), else every core this process may use.
     */
    public int effectivePrepThreads(java.util.Map<String, String> env) {
        if (prepThreads > 0) {
            return prepThreads;
        }
        String perTask = env.get("SLURM_CPUS_PER_TASK");
        if (perTask != null && perTask.trim().matches("\\d+") && Integer.parseInt(perTask.trim()) > 0) {
            return Integer.parseInt(perTask.trim());
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
