package org.tol.cli.pdq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.cli.RuntimeOptions;
import org.tol.io.json.Json;
import org.tol.runtime.RankContext;
import org.tol.stages.pdq.LumaPrecision;
import org.tol.stages.pdq.PdqFileDecoder;
import org.tol.stages.pdq.PdqFileHashJob;
import org.tol.stages.pdq.PdqFilter;
import org.tol.stages.pdq.PreResize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tol pdq hash}: images-in-Parquet run as the "pdq" filter on the rank runtime (multi-rank,
 * resumable per unit); image files and folders run as a local multithreaded job.
 */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Computes PDQ hashes (hash_pdq 32 bytes, pdq_hex, pdq_quality).",
            "Parquet inputs run on the rank runtime (srun-aware, resumable); image files/folders run locally and "
                    + "write OUT/hashes.parquet."})
public final class PdqHashCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin RuntimeOptions runtime;

    @Option(names = "--pre-resize", defaultValue = "none", paramLabel = "MODE",
            description = "none (full resolution: Java reference and pdqhash, what TOL's hash_pdq holds), "
                    + "512-thumbnail (pure-Python reference), 512-square (C++ reference) (default: ${DEFAULT-VALUE}).")
    String preResize;

    @Option(names = "--luma-precision", defaultValue = "double", paramLabel = "P",
            description = "double (the pdqhash Python binding: luma in float64, then float32; what TreeOfLife's hash_pdq "
                    + "holds) or float (Meta's C++/Java core: float32 arithmetic) (default: ${DEFAULT-VALUE}).")
    String lumaPrecision;

    @Option(names = "--decoder", defaultValue = "imageio", paramLabel = "DEC",
            description = "Image files only: imageio (JDK, then OpenCV for formats it lacks; reproduces the Java "
                    + "reference exactly) or opencv (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--threads", paramLabel = "N", description = "Image files only: hashing threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Image files only: print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PreResize mode = PreResize.parse(preResize);
        LumaPrecision luma = LumaPrecision.parse(lumaPrecision);
        if (!PdqFileHashJob.isImageInput(runtime.inputs)) {
            return runtime.run(PdqFilter.NAME, device -> new PdqFilter(mode, luma));
        }
        int world = RankContext.detect(System.getenv(), runtime.rank, runtime.worldSize).worldSize();
        if (world > 1) {
            throw TolException.usage("image files and folders are hashed by one process, but this is one of " + world
                    + " ranks", "run 'tol pdq hash' on image folders without srun/--world-size (use --threads), or "
                    + "store the images as Parquet to hash them on many ranks");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PdqFileHashJob.Summary s = PdqFileHashJob.run(runtime.inputs, runtime.output, mode, luma, PdqFileDecoder.parse(decoder), n);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("hashed %d files (%d failed) in %.1f s, %.1f files/s -> %s%n", s.ok(), s.failed(), s.seconds(),
                    s.filesPerSecond(), runtime.output.resolve(PdqFileHashJob.HASHES));
        }
        return s.failed() > 0 ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }
}
