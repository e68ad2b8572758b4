package org.tol.cli.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.pdq.PdqBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pdq", mixinStandardHelpOptions = true,
        description = {"PDQ hashes/s per core on 720x540 RGB arrays (no decode), and match queries/s against an "
                + "index of random hashes."})
public final class PdqBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "10", description = "Timed hashing seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--width", defaultValue = "720", description = "Image width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "540", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--luma-precision", defaultValue = "double",
            description = "Luma arithmetic: double (pdqhash binding, the default of tol pdq hash) or float (Meta's C++ core).")
    String lumaPrecision;

    @Option(names = "--rounds", description = "Timed hashing rounds, medians reported (default: 1, or 3 with --reference-cmd).")
    Integer rounds;

    @Option(names = "--reference-cmd", paramLabel = "PATH",
            description = "A driver of Meta's C++ PDQ core (docs/pdq.md shows how to build it): run on the same arrays, "
                    + "interleaved with tol's rounds, and reported side by side with the ratio.")
    java.nio.file.Path referenceCmd;

    @Option(names = "--write-inputs", paramLabel = "DIR",
            description = "Only write --images copies of the bench's arrays as DIR/images.parquet (raw BGR, for tol pdq hash) "
                    + "and DIR/images.rgb (for the C++ driver), for the whole-command comparison in docs/pdq.md.")
    java.nio.file.Path writeInputs;

    @Option(names = "--images", defaultValue = "200", description = "Images for --write-inputs (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--corpus", defaultValue = "10000000", description = "Indexed random hashes (default: ${DEFAULT-VALUE}).")
    int corpus;

    @Option(names = "--queries", defaultValue = "200000", description = "Queries, half planted near a corpus hash (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = {"-t", "--max-distance"}, defaultValue = "10", description = "Match distance (default: ${DEFAULT-VALUE}).")
    int maxDistance;

    @Option(names = "--threads", defaultValue = "1", description = "Match threads (default: ${DEFAULT-VALUE}, i.e. per core).")
    int threads;

    @Option(names = "--skip-hash", description = "Only run the match benchmark.")
    boolean skipHash;

    @Option(names = "--skip-match", description = "Only run the hashing benchmark.")
    boolean skipMatch;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> all = new LinkedHashMap<>();
        if (writeInputs != null) {
            org.tol.stages.pdq.PdqBenchInputs.Written w =
                    org.tol.stages.pdq.PdqBenchInputs.write(writeInputs, images, width, height);
            out.println(json ? Json.pretty(w) : "wrote " + w.images() + " " + w.width() + "x" + w.height() + " images to "
                    + w.parquet() + " and " + w.rgb());
            return ExitCodes.OK;
        }
        if (!skipHash) {
            int r = rounds != null ? rounds : referenceCmd != null ? 3 : 1;
            PdqBench.HashResult h = PdqBench.hashing(width, height, seconds,
                    org.tol.stages.pdq.LumaPrecision.parse(lumaPrecision), r, referenceCmd);
            all.put("hash", h);
            if (!json) {
                out.printf("hash : %dx%d RGB, %s luma, %d hashes in %.1f s = %.1f hashes/s per core (%.1f per CPU-second of the "
                        + "hashing thread)%s; load average %.2f%n", h.width(), h.height(), h.lumaPrecision(), h.hashes(),
                        h.seconds(), h.hashesPerSecondPerCore(), h.hashesPerCpuSecond(),
                        h.rounds() > 1 ? ", medians of " + h.rounds() + " rounds" : "", h.loadAverage());
                PdqBench.Reference ref = h.reference();
                if (ref != null) {
                    out.printf("ref  : C++ core (%s) %.1f hashes/s, %.1f per CPU-second; tol/C++ = %.2f wall, %.2f per "
                            + "CPU-second; hashes %s%n", ref.command(), ref.hashesPerSecond(), ref.hashesPerCpuSecond(),
                            ref.ratioWall(), ref.ratioPerCpuSecond(), ref.sameHashes()
                                    ? "identical to tol's float luma" : "DIFFER from tol's float luma");
                }
                out.flush();
            }
        }
        if (!skipMatch) {
            PdqBench.MatchResult m = PdqBench.matching(corpus, queries, maxDistance, threads);
            all.put("match", m);
            if (!json) {
                out.printf("match: %d queries vs %d hashes, T=%d (%d chunks, radius %d; index built in %.1f s): "
                        + "%d matches in %.2f s = %.0f queries/s on %d thread(s)%n", m.queries(), m.corpus(),
                        m.maxDistance(), m.chunks(), m.radius(), m.buildSeconds(), m.matches(), m.seconds(),
                        m.queriesPerSecond(), m.threads());
            }
        }
        if (json) {
            out.println(Json.pretty(all));
        }
        return ExitCodes.OK;
    }
}
