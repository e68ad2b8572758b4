package org.tol.cli.pdq;

import picocli.CommandLine.Option;

/** Options shared by the commands that search hashes ({@code match}, {@code dedup}). */
public final class PdqSearchOptions {
    @Option(names = {"-t", "--max-distance"}, defaultValue = "10", paramLabel = "T",
            description = "Largest Hamming distance that counts as a match (default: ${DEFAULT-VALUE}, TOL's leakage "
                    + "threshold; Meta's match threshold is 31).")
    int maxDistance;

    @Option(names = "--threads", paramLabel = "N", description = "Search threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    /** The distance, checked: the index is exact at any distance but meant for near-duplicates. */
    int maxDistance() {
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("--max-distance must be 0..64, got " + maxDistance);
        }
        return maxDistance;
    }

    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
