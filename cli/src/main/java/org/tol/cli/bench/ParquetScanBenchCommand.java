package org.tol.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.io.parquet.InputFiles;
import org.tol.stages.bench.ParquetScanBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "parquet-scan", mixinStandardHelpOptions = true,
        description = {"Reads and decodes every image cell on one thread and compares the MB/s with plainly "
                + "reading the same files' bytes (warm page cache)."})
public final class ParquetScanBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, split = ",", paramLabel = "IN", description = "Parquet files or directories.")
    List<String> inputs;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed passes; the best counts (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--threads", defaultValue = "1",
            description = "Scan files on N threads (default: ${DEFAULT-VALUE}, the per-core figure).")
    int threads;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ParquetScanBench.Result r = ParquetScanBench.run(InputFiles.resolve(inputs), repeats, threads);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("files %d, %.1f MB, %d rows (%d decoded)%n", r.files(), r.bytes() / 1e6, r.rows(), r.ok());
            out.printf("plain read : %8.1f MB/s (%s; into a direct buffer: %.1f MB/s)%n", r.plainMbPerSec(),
                    r.plainReadMethod(), r.plainDirectMbPerSec());
            out.printf("parquet scan + decode (%d thread%s): %8.1f MB/s, %8.1f rows/s (%.0f%% of plain read)%n",
                    r.threads(), r.threads() == 1 ? "" : "s", r.scanMbPerSec(), r.scanRowsPerSec(), 100 * r.ratio());
        }
        return ExitCodes.OK;
    }
}
