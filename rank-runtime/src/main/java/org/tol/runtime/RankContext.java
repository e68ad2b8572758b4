package org.tol.runtime;

import java.util.Map;
import org.tol.api.TolException;

/**
 * Who this rank is: global rank, world size, local rank on its node, node id, job id, and where that came
 * from (flags, SLURM, torchrun, MPJ), which goes in logs so a wrong launch is easy to spot.
 */
public record RankContext(int rank, int worldSize, int localRank, int nodeId, String jobId, String source) {
    public RankContext {
        if (worldSize < 1 || rank < 0 || rank >= worldSize) {
            throw TolException.usage("rank " + rank + " is outside world size " + worldSize,
                    "--rank must be in 0..world-size-1");
        }
    }

    public static RankContext single() {
        return new RankContext(0, 1, 0, 0, "", "single");
    }

    /**
     * Precedence: explicit {@code --rank/--world-size}, then SLURM ({@code SLURM_PROCID}, {@code SLURM_NTASKS},
     * {@code SLURM_LOCALID}, {@code SLURM_NODEID}), then torchrun ({@code RANK}, {@code WORLD_SIZE},
     * {@code LOCAL_RANK}), else a single rank.
     */
    public static RankContext detect(Map<String, String> env, Integer rankFlag, Integer worldFlag) {
        String job = env.getOrDefault("SLURM_JOB_ID", "");
        if (rankFlag != null || worldFlag != null) {
            if (rankFlag == null || worldFlag == null) {
                throw TolException.usage("--rank and --world-size must be given together", null);
            }
            int local = intEnv(env, "SLURM_LOCALID", intEnv(env, "LOCAL_RANK", 0));
            return new RankContext(rankFlag, worldFlag, local, intEnv(env, "SLURM_NODEID", 0), job, "flags");
        }
        if (env.containsKey("SLURM_PROCID") && env.containsKey("SLURM_NTASKS")) {
            return new RankContext(intEnv(env, "SLURM_PROCID", 0), intEnv(env, "SLURM_NTASKS", 1),
                    intEnv(env, "SLURM_LOCALID", 0), intEnv(env, "SLURM_NODEID", 0), job, "slurm");
        }
        if (env.containsKey("RANK") && env.containsKey("WORLD_SIZE")) {
            return new RankContext(intEnv(env, "RANK", 0), intEnv(env, "WORLD_SIZE", 1),
                    intEnv(env, "LOCAL_RANK", 0), intEnv(env, "GROUP_RANK", 0), job, "torchrun");
        }
        return new RankContext(0, 1, 0, 0, job, "single");
    }

    private static int intEnv(Map<String, String> env, String name, int dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw TolException.usage("environment variable " + name + "=" + v + " is not a number", null);
        }
    }

    /** Same rank identity with another rank/world (the MPJ ranks of one launch). */
    public RankContext withRank(int newRank, int newWorld, String newSource) {
        return new RankContext(newRank, newWorld, newRank, nodeId, jobId, newSource);
    }
}
