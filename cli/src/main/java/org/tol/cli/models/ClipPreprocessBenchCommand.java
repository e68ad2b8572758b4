package org.tol.cli.models;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.clip.ClipPreprocessBench;
import org.tol.filters.clip.ClipPreprocessReference;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tol bench clip-preprocess}: raw BGR rows to normalised 336² tensors, images/s per core; with
 * {@code --reference-python}, interleaved with OpenAI CLIP's torchvision pipeline on the same cells.
 */
@Command(name = "clip-preprocess", mixinStandardHelpOptions = true,
        description = "Runs CLIP preprocessing on synthetic raw-BGR rows (the TOL-200M image column: bicubic resize, "
                + "centre crop, normalise to [3,336,336]); prints images/s per core. With --reference-python, "
                + "alternates tol and the reference (CLIP's _transform via torchvision, else Pillow + numpy) on the "
                + "same cells, one thread each, and prints the medians and their ratio.")
public final class ClipPreprocessBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--width", defaultValue = "720", description = "Image width (default: ${DEFAULT-VALUE}, TOL-200M's long side).")
    int width;

    @Option(names = "--height", defaultValue = "540", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}; per-core figure = total / threads).")
    int threads;

    @Option(names = "--reference-python", paramLabel = "PY",
            description = "Python with Pillow and numpy (torchvision used when present), e.g. /usr/bin/python3: run the reference side by side.")
    String referencePython;

    @Option(names = "--reference-impl", defaultValue = "auto",
            description = "Reference implementation: auto, torchvision or pillow (default: ${DEFAULT-VALUE}).")
    String referenceImpl;

    @Option(names = "--rounds", defaultValue = "3",
            description = "With --reference-python: alternating tol/reference runs (default: ${DEFAULT-VALUE}); medians reported.")
    int rounds;

    @Option(names = "--work", description = "Scratch directory for the reference's input cells (default: a temporary one).")
    Path work;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || rounds < 1 || seconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads, --rounds and --seconds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", "clip-preprocess");
        m.put("width", width);
        m.put("height", height);
        m.put("threads", threads);
        try (ClipPreprocessBench bench = new ClipPreprocessBench(width, height, threads)) {
            bench.measure(Math.min(2.0, seconds)); // warm-up: the JIT compiles the loops
            if (referencePython == null) {
                put(m, bench.measure(seconds));
            } else {
                sideBySide(bench, m);
            }
        }
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            out.printf("clip-preprocess %dx%d raw BGR -> [3,336,336] float on %d thread(s): %d images in %.2f s, "
                    + "%.1f images/s, %.1f images per CPU-second%n", width, height, threads, m.get("images"),
                    m.get("seconds"), m.get("images_per_second"), m.get("images_per_cpu_second"));
            if (m.containsKey("reference")) {
                out.printf("reference (%s, %s): %.1f images/s, %.1f images per CPU-second (medians of %d alternating "
                        + "runs); ratio tol/reference %.2f per CPU-second, %.2f by wall clock; same tensor: %s%n",
                        m.get("reference_impl"), m.get("reference_versions"), m.get("reference_images_per_second"),
                        m.get("reference_images_per_cpu_second"), rounds, m.get("ratio_per_cpu_second"),
                        m.get("ratio_per_second"), m.get("same_tensor"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** tol, reference, tol, reference, ...: the medians of each and their ratios. */
    private void sideBySide(ClipPreprocessBench bench, Map<String, Object> m) throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("tol-clip-bench");
        Path cells = dir.resolve("cells.bgr");
        bench.writeCells(cells);
        ClipPreprocessReference ref = ClipPreprocessReference.in(dir, referencePython);
        List<ClipPreprocessBench.Result> tol = new ArrayList<>();
        List<ClipPreprocessReference.Result> py = new ArrayList<>();
        try {
            for (int i = 0; i < rounds; i++) {
                tol.add(bench.measure(seconds));
                py.add(ref.run(cells, width, height, bench.cellCount(), seconds, referenceImpl));
            }
        } finally {
            if (work == null) {
                Files.deleteIfExists(cells);
                Files.deleteIfExists(dir.resolve("clip_preprocess_reference.py"));
                Files.deleteIfExists(dir);
            }
        }
        ClipPreprocessBench.Result t = tol.get(medianIndex(tol.stream().mapToDouble(r -> r.imagesPerCpuSecond()).toArray()));
        put(m, t);
        double tolWall = median(tol.stream().mapToDouble(ClipPreprocessBench.Result::imagesPerSecond).toArray());
        double tolCpu = median(tol.stream().mapToDouble(ClipPreprocessBench.Result::imagesPerCpuSecond).toArray());
        double refWall = median(py.stream().mapToDouble(ClipPreprocessReference.Result::imagesPerSecond).toArray());
        double refCpu = median(py.stream().mapToDouble(ClipPreprocessReference.Result::imagesPerCpuSecond).toArray());
        m.put("images_per_second", tolWall);
        m.put("images_per_second_per_core", tolWall / threads);
        m.put("images_per_cpu_second", tolCpu);
        m.put("rounds", rounds);
        m.put("tol_images_per_cpu_second_runs", tol.stream().map(r -> round(r.imagesPerCpuSecond())).toList());
        m.put("reference", "CLIP _transform(336) on Image.fromarray(cell[..., ::-1]), one thread");
        m.put("reference_impl", py.get(0).impl());
        m.put("reference_versions", py.get(0).versions());
        m.put("reference_images_per_second", refWall);
        m.put("reference_images_per_cpu_second", refCpu);
        m.put("reference_images_per_cpu_second_runs", py.stream().map(r -> round(r.imagesPerCpuSecond())).toList());
        m.put("ratio_per_cpu_second", tolCpu / refCpu);
        m.put("ratio_per_second", tolWall / refWall);
        String ours = bench.firstTensorSha256();
        m.put("tensor_sha256", ours);
        m.put("same_tensor", ours.equals(py.get(0).tensorSha256()));
    }

    private void put(Map<String, Object> m, ClipPreprocessBench.Result r) {
        m.put("images", r.images());
        m.put("seconds", r.seconds());
        m.put("images_per_second", r.imagesPerSecond());
        m.put("images_per_second_per_core", r.imagesPerSecond() / threads);
        m.put("cpu_seconds", r.cpuSeconds());
        m.put("images_per_cpu_second", r.imagesPerCpuSecond());
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static int medianIndex(double[] v) {
        double med = median(v);
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i] - med) < Math.abs(v[best] - med)) {
                best = i;
            }
        }
        return best;
    }
}
