package org.tol.cli.bench;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.io.json.Json;
import org.tol.runtime.plan.StragglerSim;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench stragglers}: static LPT split vs the dynamic queue, simulated (see {@link StragglerSim}). */
@Command(name = "stragglers", mixinStandardHelpOptions = true,
        description = "Simulates the reference's static byte-balanced LPT split against tol's dynamic largest-first "
                + "queue on heavy-tailed file sizes with noisy per-image cost: makespan and the tail after 95 % done.")
public final class StragglersBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--files", defaultValue = "20000", description = "Input files (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--ranks", defaultValue = "256", description = "Ranks (default: ${DEFAULT-VALUE}).")
    int ranks;

    @Option(names = "--median-mb", defaultValue = "200", description = "Median file size in MB (default: ${DEFAULT-VALUE}).")
    double medianMb;

    @Option(names = "--giant-fraction", defaultValue = "0.01",
            description = "Fraction of files 10-50x the median (default: ${DEFAULT-VALUE}).")
    double giantFraction;

    @Option(names = "--images-per-mb", defaultValue = "1.0", description = "Images per MB (default: ${DEFAULT-VALUE}).")
    double imagesPerMb;

    @Option(names = "--noise", defaultValue = "0.5", description = "Per-image cost log-normal sigma (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--file-noise", defaultValue = "0.3", description = "Per-file cost log-normal sigma (default: ${DEFAULT-VALUE}).")
    double fileNoise;

    @Option(names = "--latency", defaultValue = "0.05", description = "Queue round trip, in image-cost units (default: ${DEFAULT-VALUE}).")
    double latency;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON only.")
    boolean json;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        Map<String, Object> m = StragglerSim.run(new StragglerSim.Params(files, ranks, medianMb, giantFraction,
                imagesPerMb, noise, fileNoise, latency, seed));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(m));
        } else {
            out.printf("%d files, %d ranks, median %.0f MB, %.1f %% giants (10-50x), image noise %.2f, file noise %.2f;"
                    + " times in mean-image costs, ideal %.0f%n", files, ranks, medianMb, 100 * giantFraction, noise,
                    fileNoise, (Double) m.get("ideal"));
            out.printf("%-14s %12s %12s %14s %10s %10s%n", "schedule", "makespan", "95% done", "tail after 95%",
                    "tail/make", "busy");
            for (String k : new String[] {"static_lpt", "dynamic_queue"}) {
                Map<String, Object> s = (Map<String, Object>) m.get(k);
                out.printf("%-14s %12.0f %12.0f %14.0f %9.1f%% %9.1f%%%n", k, s.get("makespan"), s.get("t95"),
                        s.get("tail_after_95"), 100 * (Double) s.get("tail_fraction"), 100 * (Double) s.get("efficiency"));
            }
        }
        out.flush();
        return 0;
    }
}
