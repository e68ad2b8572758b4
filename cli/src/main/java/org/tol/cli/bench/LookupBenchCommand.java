package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.bench.LookupBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = {"tol lookup build --group museum_specimen_all over a synthetic index of --rows rows: rows/s and"
                + " peak RSS. The tables are generated into --dir once (a second run with the same --dir measures the"
                + " build alone)."})
public final class LookupBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Work directory (needs ~2 GB per 20M rows).")
    Path dir;

    @Option(names = "--rows", defaultValue = "20000000", description = "Index rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--files", defaultValue = "20000", description = "Distinct data files (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--memory-limit", defaultValue = "4GB", description = "DuckDB memory limit (default: ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Option(names = "--threads", defaultValue = "2", description = "DuckDB threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LookupBench.Result r = LookupBench.run(dir, rows, files, memoryLimit, threads);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("lookup build over %,d index rows (%,d selected, %d batches): %.1f s, %,.0f index rows/s,"
                    + " peak RSS %.0f MB%s (memory limit %s, %d threads)%n", r.rows(), r.selected(), r.batches(),
                    r.seconds(), r.rowsPerSecond(), r.peakRssMb(),
                    r.generated() ? " (includes generating the tables: rerun for the build alone)" : "",
                    r.memoryLimit(), r.threads());
        }
        return ExitCodes.OK;
    }
}
