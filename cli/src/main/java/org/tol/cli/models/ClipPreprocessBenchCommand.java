package org.tol.cli.models;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.clip.ClipPreprocessBench;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench clip-preprocess}: raw BGR rows to normalised 336² tensors, images/s per core. */
@Command(name = "clip-preprocess", mixinStandardHelpOptions = true,
        description = "Decodes synthetic raw-BGR rows (the TOL-200M image column) and runs CLIP preprocessing "
                + "(bicubic resize, centre crop, normalise to [3,336,336]); prints images/s per core.")
public final class ClipPreprocessBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--width", defaultValue = "720", description = "Image width (default: ${DEFAULT-VALUE}, TOL-200M's long side).")
    int width;

    @Option(names = "--height", defaultValue = "540", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per thread count (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}; per-core figure = total / threads).")
    int threads;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ClipPreprocessBench.Result r = ClipPreprocessBench.run(width, height, threads, seconds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "clip-preprocess");
            m.put("width", width);
            m.put("height", height);
            m.put("threads", threads);
            m.put("images", r.images());
            m.put("seconds", r.seconds());
            m.put("images_per_second", r.imagesPerSecond());
            m.put("images_per_second_per_core", r.imagesPerSecond() / threads);
            m.put("cpu_seconds", r.cpuSeconds());
            m.put("images_per_cpu_second", r.imagesPerCpuSecond());
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            out.printf("clip-preprocess %dx%d raw BGR -> [3,336,336] float: %d images in %.2f s on %d thread(s): "
                    + "%.1f images/s, %.1f images/s per core by wall clock, %.1f images per CPU-second "
                    + "(reference PIL/torchvision: ~100-150 per core)%n",
                    width, height, r.images(), r.seconds(), threads, r.imagesPerSecond(), r.imagesPerSecond() / threads,
                    r.imagesPerCpuSecond());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
