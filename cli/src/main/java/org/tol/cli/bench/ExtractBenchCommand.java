package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.bench.ExtractBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"tol extract of every row of --input on one rank: MB/s of data files, and as a share of a plain"
                + " read of the same files (warm page cache)."})
public final class ExtractBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, split = ",", paramLabel = "IN", description = "Parquet files or directories.")
    List<String> inputs;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Scratch directory (deleted).")
    Path work;

    @Option(names = "--files-per-batch", defaultValue = "100", description = "Lookup batch size (default: ${DEFAULT-VALUE}).")
    int filesPerBatch;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ExtractBench.Result r = ExtractBench.run(inputs, work, filesPerBatch);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("extract: %d files, %.1f MB, %,d rows in %.2f s: %.1f MB/s; plain read %.1f MB/s; extract = %.0f%%"
                    + " of plain read%n", r.files(), r.bytes() / 1e6, r.rows(), r.seconds(), r.extractMbPerSecond(),
                    r.plainMbPerSecond(), 100 * r.ratio());
        }
        return ExitCodes.OK;
    }
}
