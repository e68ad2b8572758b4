package org.tol.cli.wds;

import java.nio.file.Path;
import org.tol.cli.SizeParser;
import org.tol.wds.ShardWriter;
import picocli.CommandLine.Option;

/** Options both shard builders share: image size, shard limits, threads, where finished shards go. */
public final class WdsShardOptions {
    @Option(names = "--size", defaultValue = "224x224", paramLabel = "WxH", description = "Output size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--shard-max-count", defaultValue = "100000", paramLabel = "N", description = "Samples per shard (default: ${DEFAULT-VALUE}).")
    long maxCount;

    @Option(names = "--shard-max-size", defaultValue = "3e9", paramLabel = "BYTES",
            description = "Payload bytes per shard before rollover (default: ${DEFAULT-VALUE}).")
    String maxSize;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Image threads per rank; 0 = SLURM_CPUS_PER_TASK, else all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--publish-dir", paramLabel = "DIR",
            description = "Where the finished shards go (default: OUT/shards); e.g. DATA/224x224/val for 'wds catalog'.")
    Path publishDir;

    ShardWriter.Options shardLimits() {
        return new ShardWriter.Options(maxCount, SizeParser.bytes(maxSize));
    }

    /** Threads per rank: the flag, else SLURM_CPUS_PER_TASK (tol launch sets it to cores / ranks), else all cores. */
    int threads() {
        if (threads > 0) {
            return threads;
        }
        String perTask = System.getenv("SLURM_CPUS_PER_TASK");
        if (perTask != null && perTask.trim().matches("\\d+") && Integer.parseInt(perTask.trim()) > 0) {
            return Integer.parseInt(perTask.trim());
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
