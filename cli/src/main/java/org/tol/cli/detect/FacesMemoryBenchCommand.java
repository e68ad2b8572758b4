package org.tol.cli.detect;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.cli.TolCommand;
import org.tol.cli.bench.BenchChild;
import org.tol.filters.faces.FacesMemoryBench;
import org.tol.io.json.Json;
import org.tol.runtime.launch.LocalLauncher;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tol bench faces-memory}: peak RSS, heap, native memory and images/s of {@code tol filter faces} on
 * nets with facenet-pytorch's real MTCNN architecture (random weights, calibrated pass rates), each run in a
 * fresh JVM so the figures are its own.
 */
@Command(name = "faces-memory", mixinStandardHelpOptions = true,
        description = "Runs tol filter faces in fresh JVMs on MTCNN nets with facenet-pytorch's layer shapes (random "
                + "weights, calibrated pass rates) over sample images: peak RSS, heap, native memory (NMT), images/s.")
public final class FacesMemoryBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", defaultValue = "96", description = "Sample images to filter (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--heap", defaultValue = "launcher,1g", split = ",", paramLabel = "SIZE",
            description = "-Xmx of the filtering JVMs, one run each; 'launcher' = this JVM's (default: ${DEFAULT-VALUE}).")
    List<String> heaps;

    @Option(names = "--reps", defaultValue = "1", description = "Runs per heap, interleaved (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--java-opt", paramLabel = "OPT", description = "Extra JVM option for the filtering JVMs (repeatable).")
    List<String> javaOpts = new ArrayList<>();

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment of the filtering JVMs (repeatable), "
            + "e.g. MALLOC_ARENA_MAX=2 or TOL_ORT_ARENA=1.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--no-nmt", description = "Without native memory tracking (summary) in the filtering JVMs.")
    boolean noNmt;

    @Option(names = "--pnet-rate", defaultValue = "0.01", description = "Share of P-Net cells above the threshold (default: ${DEFAULT-VALUE}).")
    double pnetRate;

    @Option(names = "--rnet-rate", defaultValue = "0.1", description = "Share of R-Net crops passing (default: ${DEFAULT-VALUE}).")
    double rnetRate;

    @Option(names = "--onet-rate", defaultValue = "0.3", description = "Share of O-Net crops passing (default: ${DEFAULT-VALUE}).")
    double onetRate;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Run these pnet/rnet/onet.onnx instead of the calibrated random nets, e.g. export_mtcnn.py's "
                    + "export of facenet-pytorch's trained weights (docs/detectors.md).")
    Path modelsDir;

    @Option(names = "--work", defaultValue = "bench-faces-memory", paramLabel = "DIR",
            description = "Models, sample data and outputs; reused between runs (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--json", description = "Print JSON only.")
    boolean json;

    @Option(names = "--phase-run", hidden = true)
    boolean phaseRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path models = modelsDir != null ? modelsDir : work.resolve("models-" + pnetRate + "-" + rnetRate + "-" + onetRate);
        if (modelsDir != null && !Files.isRegularFile(modelsDir.resolve("onet.onnx"))) {
            throw TolException.usage("--models-dir " + modelsDir + ": no onet.onnx there",
                    "pass the folder export_mtcnn.py wrote (pnet.onnx, rnet.onnx, onet.onnx)");
        }
        Path data = work.resolve("data-" + images);
        if (phaseRun) {
            out.println(BenchChild.line(runFilter(models, data)));
            out.flush();
            return 0;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        if (!Files.exists(models.resolve("onet.onnx"))) {
            Path tmp = work.resolve(".models-" + ProcessHandle.current().pid());
            report.put("calibration", FacesMemoryBench.writeCalibrated(tmp, 8, pnetRate, rnetRate, onetRate, 17));
            Files.move(tmp, models);
        }
        if (!Files.exists(data.resolve("manifest.json")) && !Files.exists(data.resolve("data"))) {
            Path tmp = work.resolve(".data-" + ProcessHandle.current().pid());
            SampleMaker.make(tmp, new SampleSpec(Math.max(1, Math.min(4, images / 24)), images, 42, 0));
            Files.move(tmp, data);
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            for (String heap : heaps) {
                String xmx = heap.equals("launcher") ? (Runtime.getRuntime().maxMemory() >> 20) + "m" : heap;
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("heap", heap + (heap.equals("launcher") ? " (-Xmx" + xmx + ")" : ""));
                run.putAll(child(xmx));
                runs.add(run);
                if (!json) {
                    out.printf("faces filter, %d images, -Xmx%s: %.2f images/s (%.2f per CPU-second), peak RSS %,d MB, "
                            + "heap used %,d MB%s%n", images, xmx, run.get("images_per_s"), run.get("images_per_cpu_s"),
                            ((Number) run.get("peak_rss_bytes")).longValue() >> 20,
                            ((Number) run.get("used_heap_bytes")).longValue() >> 20,
                            run.get("nmt_committed_kb") == null ? "" : ", NMT " + run.get("nmt_committed_kb"));
                    out.flush();
                }
            }
        }
        report.put("images", images);
        report.put("models", modelsDir != null ? modelsDir.toString() : "calibrated random weights");
        report.put("env", env);
        report.put("java_opts", javaOpts);
        report.put("runs", runs);
        if (json) {
            out.println(Json.pretty(report));
        }
        out.flush();
        return 0;
    }

    /** In the child JVM: one {@code tol filter faces} over the sample, then this JVM's figures. */
    private Map<String, Object> runFilter(Path models, Path data) throws Exception {
        Path output = work.resolve("out-" + ProcessHandle.current().pid());
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        int code = TolCommand.commandLine().execute("-q", "filter", "faces", "--input", data.resolve("data").toString(),
                "--output", output.toString(), "--models-dir", models.toString(), "--device", "cpu");
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds() - cpu0;
        if (code != 0) {
            throw new TolException("tol filter faces exited " + code, null);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", seconds);
        m.put("cpu_seconds", cpu);
        m.put("images_per_s", images / seconds);
        m.put("images_per_cpu_s", images / cpu);
        m.putAll(FacesMemoryBench.processMemory());
        deleteTree(output);
        return m;
    }

    private Map<String, Object> child(String xmx) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx" + xmx);
        if (!noNmt) {
            cmd.add("-XX:NativeMemoryTracking=summary");
        }
        cmd.addAll(javaOpts);
        // the short DIR/* form: ONNX Runtime crashes on command lines of ~4,000 characters (see LocalLauncher)
        cmd.addAll(List.of("-cp", LocalLauncher.compactClassPath(System.getProperty("java.class.path")), "org.tol.cli.Main", "-q", "bench", "faces-memory",
                "--phase-run", "--images", String.valueOf(images), "--work", work.toString(), "--pnet-rate",
                String.valueOf(pnetRate), "--rnet-rate", String.valueOf(rnetRate), "--onet-rate", String.valueOf(onetRate)));
        if (modelsDir != null) {
            cmd.addAll(List.of("--models-dir", modelsDir.toAbsolutePath().toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        String line = stdout.lines().filter(l -> l.startsWith("BENCH ")).findFirst().orElse(null);
        if (code != 0 || line == null) {
            throw new TolException("faces-memory run failed (exit " + code + "): " + stdout, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.mapper().readValue(line.substring(6), Map.class);
        return m;
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
