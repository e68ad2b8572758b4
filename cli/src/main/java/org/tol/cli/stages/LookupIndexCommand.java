package org.tol.cli.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.cli.StageOptions;
import org.tol.stages.lookup.LookupIndexStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol lookup index}: uuid, path, row_group, row for every row of the data, from the uuid column only. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "The global uuid -> data-file table (uuid, path, row_group, row), one OUT/part-*.parquet per data"
                + " file, read from the uuid column only. Multi-rank and resumable.")
public final class LookupIndexCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "DATA",
            description = "Parquet file(s), directories (recursive *.parquet) or a .txt list of paths.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "INDEX", description = "Output directory.")
    Path output;

    @Mixin StageOptions stage;

    @Override
    public Integer call() {
        return stage.run(inputs, output, () -> new LookupIndexStage(inputs));
    }
}
