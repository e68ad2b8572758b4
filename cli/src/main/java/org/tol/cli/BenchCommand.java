package org.tol.cli;

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
            org.tol.cli.detect.FacesMemoryBenchCommand.class,
            org.tol.cli.bench.PdqBenchCommand.class,
            org.tol.cli.bench.LookupBenchCommand.class,
            org.tol.cli.bench.ExtractBenchCommand.class,
            org.tol.cli.bench.DecodeBenchCommand.class,
            org.tol.cli.bench.WdsBuildBenchCommand.class,
            org.tol.cli.bench.GbifFetchBenchCommand.class,
            org.tol.cli.bench.CollectBenchCommand.class,
            org.tol.cli.bench.StragglersBenchCommand.class,
            org.tol.cli.bench.PlanBenchCommand.class,
        })
public final class BenchCommand extends GroupCommand {}
