package org.tol.cli;

import java.nio.file.Path;
import java.util.List;
import org.tol.api.filter.FilterFactory;
import picocli.CommandLine.Option;

/**
 * Options every multi-rank filter shares ({@code tol filter <name> ...}) and the hand-off to the rank
 * runtime. A filter command only parses its own options, then calls {@link #run(String, FilterFactory)}.
 */
public final class RuntimeOptions {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "IN", split = ",",
            description = "Parquet file(s), directories (recursive *.parquet) or a .txt list of paths.")
    public List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory (resumable).")
    public Path output;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per inference batch (default: the filter's).")
    public Integer batchSize;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEV", description = "auto|cpu|cuda|cuda:N (default: ${DEFAULT-VALUE}).")
    public String device;

    /**
     * Runs {@code filterName} on this rank and returns the exit code (0, 3 when inputs failed, 75 when
     * interrupted). Implemented by the rank runtime.
     */
    public int run(String filterName, FilterFactory factory) {
        throw new UnsupportedOperationException("rank runtime not wired yet");
    }
}
