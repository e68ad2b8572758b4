package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.fetch.GbifFetchBench;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gbif-fetch", mixinStandardHelpOptions = true,
        description = "images/s of 'tol gbif fetch' against a local HTTP server (127.0.0.1) serving synthetic JPEGs: "
                + "tol's client, checks and atomic writes, not the network.")
public final class GbifFetchBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", defaultValue = "2000", description = "Images per run (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--concurrency", defaultValue = "1,8,32", split = ",",
            description = "Concurrent downloads, one run each (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Option(names = "--width", defaultValue = "640", description = "Image width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "480", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--output-format", defaultValue = "files", description = "files or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--dir", description = "Scratch folder (default: a temp folder, deleted afterwards).")
    Path dir;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("tol-bench-gbif-");
        List<GbifFetchBench.Result> rs = GbifFetchBench.run(work, images, width, height, concurrency, format);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(rs));
        } else {
            for (GbifFetchBench.Result r : rs) {
                out.printf("gbif-fetch: concurrency %3d, %s: %d images in %.2f s = %.0f images/s (%.1f MB/s)%n",
                        r.concurrency(), r.format(), r.images(), r.seconds(), r.imagesPerSecond(), r.megabytesPerSecond());
            }
        }
        if (dir == null) {
            try (var s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return ExitCodes.OK;
    }
}
