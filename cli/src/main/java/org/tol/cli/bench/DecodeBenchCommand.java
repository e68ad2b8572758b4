package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.bench.DecodeBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"tol decode of --input on one rank (one core) as JPEG (q95) and PNG, into tars and loose files:"
                + " images/s per core."})
public final class DecodeBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, split = ",", paramLabel = "IN", description = "Parquet files or directories.")
    List<String> inputs;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Scratch directory (deleted).")
    Path work;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<DecodeBench.Result> rs = DecodeBench.run(inputs, work);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(rs));
        } else {
            for (DecodeBench.Result r : rs) {
                out.printf("decode %-4s %-4s: %,d images in %.2f s = %.1f images/s per core%n", r.format(), r.archive(),
                        r.images(), r.seconds(), r.imagesPerSecond());
            }
        }
        return ExitCodes.OK;
    }
}
