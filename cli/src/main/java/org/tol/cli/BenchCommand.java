package org.tol.cli;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tol bench ...}: throughput benchmarks whose figures go in release notes, not in unit tests. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks (throughput, overhead, memory) printed as text and JSON.",
        subcommands = {
            org.tol.cli.bench.ParquetScanBenchCommand.class,
            org.tol.cli.runtime.RuntimeBenchCommand.class,
            org.tol.cli.models.ClipPreprocessBenchCommand.class,
            org.tol.cli.detect.MegaDetectorPrepBenchCommand.class,
            org.tol.cli.detect.FacesPrepBenchCommand.class,
            org.tol.cli.bench.PdqBenchCommand.class,
        })
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
