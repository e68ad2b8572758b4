package org.tol.cli.wds;

/** Threads per rank: SLURM_CPUS_PER_TASK (tol launch sets it to cores / ranks), else all cores. */
final class WdsThreads {
    private WdsThreads() {}

    static int perRank() {
        String perTask = System.getenv("SLURM_CPUS_PER_TASK");
        if (perTask != null && perTask.trim().matches("\\d+") && Integer.parseInt(perTask.trim()) > 0) {
            return Integer.parseInt(perTask.trim());
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
