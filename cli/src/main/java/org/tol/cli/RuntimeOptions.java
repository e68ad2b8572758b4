package org.tol.cli;

import java.nio.file.Path;
import java.util.List;
import org.tol.api.filter.FilterFactory;
import org.tol.io.parquet.InputColumns;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.RuntimeLauncher;
import picocli.CommandLine.Option;

/**
 * Options every multi-rank filter shares ({@code tol filter <name> ...}) and the hand-off to the rank
 * runtime. A filter command only parses its own options, then calls {@link #run(String, FilterFactory)}.
 */
public final class RuntimeOptions extends RankOptions {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "IN", split = ",",
            description = "Parquet file(s), directories (recursive *.parquet), a .txt list of paths, or a Parquet list "
                    + "(a 'path' column and no image column, as the reference's --file_paths_parquet).")
    public List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory (resumable).")
    public Path output;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per inference batch (default: the filter's).")
    public Integer batchSize;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEV", description = "auto|cpu|cuda|cuda:N (default: ${DEFAULT-VALUE}).")
    public String device;

    @Option(names = "--prep-threads", defaultValue = "0", paramLabel = "N",
            description = "Decode/preprocess threads per rank; 0 = SLURM_CPUS_PER_TASK, else all cores (default: ${DEFAULT-VALUE}).")
    public int prepThreads;

    @Option(names = "--checkpoint-every", defaultValue = "50", paramLabel = "BATCHES",
            description = "Commit a part file every this many batches inside a unit (default: ${DEFAULT-VALUE}).")
    public int checkpointEvery;

    @Option(names = "--split-size", defaultValue = "1g", paramLabel = "SIZE",
            description = "Split files larger than SIZE (e.g. 512m, 2g; 0 = never) into row-group-range units (default: ${DEFAULT-VALUE}).")
    public String splitSize;

    @Option(names = "--unit-row-groups", defaultValue = "4", paramLabel = "N",
            description = "Row groups per unit when a file is split (default: ${DEFAULT-VALUE}).")
    public int unitRowGroups;

    @Option(names = "--collect", description = "Collect at the end (rank 0 after all ranks finished; needs --mpj or one rank).")
    public boolean collect;

    @Option(names = "--allow-partial", description = "With --collect: exit 0 even when units are missing.")
    public boolean allowPartial;

    @Option(names = "--image-column", defaultValue = "image", paramLabel = "NAME",
            description = "Input column holding the image: raw BGR or encoded bytes, or a {bytes, path} struct (Hugging Face) (default: ${DEFAULT-VALUE}).")
    public String imageColumn;

    @Option(names = "--id-column", defaultValue = "uuid", paramLabel = "NAME",
            description = "Input column holding each image's id, written as uuid (img2dataset: key; webdataset: __key__) (default: ${DEFAULT-VALUE}).")
    public String idColumn;

    @Option(names = "--original-size-column", defaultValue = "original_size", paramLabel = "NAME",
            description = "[h, w] list tried first to shape raw BGR cells (default: ${DEFAULT-VALUE}).")
    public String originalSizeColumn;

    @Option(names = "--resized-size-column", defaultValue = "resized_size", paramLabel = "NAME",
            description = "[h, w] list tried second to shape raw BGR cells (default: ${DEFAULT-VALUE}).")
    public String resizedSizeColumn;

    @Option(names = "--keep-columns", split = ",", paramLabel = "COL",
            description = "Input columns to copy into every prediction row (e.g. identifier,source_id).")
    public java.util.List<String> keepColumns = new java.util.ArrayList<>();

    /** The runtime configuration these options describe. */
    public RuntimeConfig config() {
        return new RuntimeConfig(inputs, output, device, batchSize == null ? 0 : batchSize, prepThreads,
                checkpointEvery, SizeParser.bytes(splitSize), unitRowGroups, graceSeconds, progressSeconds, collect,
                allowPartial, lockStaleSeconds, replan,
                new InputColumns(idColumn, imageColumn, originalSizeColumn, resizedSizeColumn));
    }

    /**
     * Runs {@code filterName} on this rank and returns the exit code (0, 3 when inputs failed, 75 when
     * interrupted). Implemented by the rank runtime.
     */
    public int run(String filterName, FilterFactory factory) {
        if (LoggingMixin.isQuiet()) {
            System.setProperty("tol.quiet", "true");
        }
        FilterFactory withCopies;
        try {
            withCopies = org.tol.runtime.PassThroughFilter.wrap(factory,
                    org.tol.runtime.PassThroughFilter.resolve(inputs, keepColumns));
        } catch (java.io.IOException e) {
            throw new org.tol.api.TolException("cannot read the input schema for --keep-columns: " + e.getMessage(),
                    "check --input", org.tol.api.ExitCodes.FAILURE, e);
        }
        return RuntimeLauncher.run(config(), rank, worldSize, mpj, filterName, withCopies);
    }
}
