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
        description = {"tol's Parquet image scan against DuckDB (SET threads=1, sum(octet_length(image))) on the "
                + "same files, interleaved rounds, warm page cache: the zero-copy image view, the full decode, "
                + "and a plain read of the files' bytes."})
public final class ParquetScanBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, split = ",", paramLabel = "IN", description = "Parquet files or directories.")
    List<String> inputs;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed interleaved rounds; figures are their median (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--min-seconds", defaultValue = "1",
            description = "Within a round, repeat each pass until this many seconds have passed (default: ${DEFAULT-VALUE}).")
    double minSeconds;

    @Option(names = "--threads", defaultValue = "1",
            description = "Decode files on N threads (default: ${DEFAULT-VALUE}, the per-core figure); the other passes use one.")
    int threads;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private static void line(PrintWriter out, String what, ParquetScanBench.Pass p) {
        out.printf("%-28s %7.1f MB/s (best %.1f), %7.1f rows/s, %7.1f MB per CPU-s (%.1f per thread CPU-s)%n", what,
                p.mbPerSec(), p.bestMbPerSec(), p.rowsPerSec(), p.mbPerCpuSec(), p.mbPerThreadCpuSec());
    }

    @Override
    public Integer call() throws Exception {
        ParquetScanBench.Result r = ParquetScanBench.run(InputFiles.resolve(inputs), repeats, threads, minSeconds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("files %d, %.1f MB, %d rows, %.1f MB of image cells (%d decoded); median of %d rounds after "
                    + "%.0f s of warm-up (JIT still compiling %.1f%% of the time)%n", r.files(), r.bytes() / 1e6, r.rows(),
                    r.imageBytes() / 1e6, r.ok(), r.repeats(), r.warmupSeconds(), 100 * r.jitShare());
            out.println("DuckDB: " + ParquetScanBench.DUCKDB_QUERY);
            line(out, "DuckDB", r.duckdb());
            line(out, "tol scan, image view", r.view());
            line(out, "tol scan + decode (" + r.threads() + " thread" + (r.threads() == 1 ? ")" : "s)"), r.decode());
            line(out, "plain read (heap)", r.plainRead());
            line(out, "plain read (direct)", r.plainReadDirect());
            out.printf("tol view / DuckDB: %.2f wall, %.2f per process CPU-s, %.2f per thread CPU-s; "
                    + "tol decode / DuckDB: %.2f; decode / plain read: %.2f%n", r.viewVsDuckDb(), r.viewVsDuckDbCpu(),
                    r.viewVsDuckDbThreadCpu(), r.decodeVsDuckDb(), r.decodeVsPlain());
        }
        return ExitCodes.OK;
    }
}
