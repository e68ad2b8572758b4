package org.tol.cli.runtime;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.filters.imagestats.ImageStatsBench;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleSpec;
import org.tol.io.json.Json;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetFileInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tol bench runtime}: image-stats through the rank runtime vs a bare read-decode-compute loop over the
 * same files (overhead, target <= 10%), and each one's peak RSS over data sets of many small files, few large
 * files, and few files of twice the size (memory must stay flat in the number and size of files). Every phase
 * runs in a fresh JVM so its VmHWM is its own.
 */
@Command(name = "runtime", mixinStandardHelpOptions = true,
        description = "Runtime overhead vs a bare loop, and peak RSS across many/large files (image-stats).")
public final class RuntimeBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", defaultValue = "bench-runtime", paramLabel = "DIR", description = "Work directory (data is generated once and reused; default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--images", defaultValue = "1500", description = "Images per data set (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--many-files", defaultValue = "40", description = "Files of the many-small-files set (default: ${DEFAULT-VALUE}).")
    int manyFiles;

    @Option(names = "--few-files", defaultValue = "2", description = "Files of the few-large-files sets (default: ${DEFAULT-VALUE}).")
    int fewFiles;

    @Option(names = "--threads", defaultValue = "1", description = "Prep threads (runtime) = worker threads (bare loop) (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch-size", defaultValue = "64", description = "Runtime batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "Runtime commit cadence in batches (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the measured JVMs (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--repeat", defaultValue = "2", description = "Runs per phase, alternating; the fastest counts (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", description = "Print JSON only.")
    boolean json;

    @Option(names = "--phase", hidden = true)
    String phase;

    @Option(names = "--phase-input", hidden = true)
    Path phaseInput;

    @Option(names = "--phase-out", hidden = true)
    Path phaseOut;

    @Override
    public Integer call() throws Exception {
        if (phase != null) {
            Map<String, Object> r = phase.equals("bare") ? ImageStatsBench.barePhase(phaseInput, threads)
                    : ImageStatsBench.runtimePhase(phaseInput, phaseOut, threads, batch, checkpointEvery);
            spec.commandLine().getOut().println("BENCH " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
            return 0;
        }
        // One small file measures what each phase costs once per process (JVM warm-up, Parquet writer and
        // Hadoop codec set-up, planning): subtracted, it leaves the per-image (steady-state) overhead.
        Map<String, Object> startup = measure("startup", 1, 16, null);
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(measure("many-small-files", manyFiles, images / manyFiles, startup));
        sets.add(measure("few-large-files", fewFiles, images / fewFiles, startup));
        sets.add(measure("few-large-files-2x", fewFiles, 2 * images / fewFiles, startup));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("threads", threads);
        report.put("batch_size", batch);
        report.put("checkpoint_every", checkpointEvery);
        report.put("heap", heap);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("startup", startup);
        report.put("data_sets", sets);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(report));
            return 0;
        }
        out.printf(Locale.ROOT, "once per process: bare %.2f s (%.2f s cpu), runtime %.2f s (%.2f s cpu)%n",
                startup.get("bare_s"), startup.get("bare_cpu_s"), startup.get("runtime_s"), startup.get("runtime_cpu_s"));
        out.printf(Locale.ROOT, "%-19s %5s %6s %6s %6s %8s %8s %6s %6s %8s %8s %8s %8s %9s%n", "data set", "files",
                "images", "bare s", "rt s", "overhead", "steady", "bare c", "rt c", "cpu ovh", "steady", "bare RSS",
                "rt RSS", "max rg");
        for (Map<String, Object> s : sets) {
            out.printf(Locale.ROOT, "%-19s %5d %6d %6.2f %6.2f %7.1f%% %7.1f%% %6.2f %6.2f %7.1f%% %7.1f%% %6.0fMB %6.0fMB %7.1fMB%n",
                    s.get("name"), s.get("files"), s.get("images"), s.get("bare_s"), s.get("runtime_s"),
                    s.get("overhead_pct"), s.get("steady_overhead_pct"), s.get("bare_cpu_s"), s.get("runtime_cpu_s"),
                    s.get("cpu_overhead_pct"), s.get("steady_cpu_overhead_pct"),
                    mb(s.get("bare_peak_rss_bytes")), mb(s.get("runtime_peak_rss_bytes")),
                    mb(s.get("largest_row_group_projected_bytes")));
        }
        out.println(Json.pretty(report));
        return 0;
    }

    private static double mb(Object bytes) {
        return ((Number) bytes).doubleValue() / (1 << 20);
    }

    private Map<String, Object> measure(String name, int files, int perFile, Map<String, Object> startup)
            throws Exception {
        Path data = work.resolve("data-" + name);
        Path marker = data.resolve("_DONE");
        if (!Files.exists(marker)) {
            spec.commandLine().getErr().printf("generating %s: %d files x %d images%n", name, files, perFile);
            // tol sample make's data: raw BGR, long side 96..720 like TOL-200M, 16-row row groups.
            SampleMaker.make(data, new SampleSpec(files, files * perFile, name.hashCode(), 0));
            Files.writeString(marker, "");
        }
        long bytes = 0;
        long largestGroup = 0;
        for (InputFile f : InputFiles.resolve(List.of(data.resolve("data").toString()))) {
            bytes += f.sizeBytes();
            largestGroup = Math.max(largestGroup,
                    ParquetFileInfo.largestProjectedRowGroupBytes(f.path(), ImageColumns.DECODE_COLUMNS));
        }
        // Alternate the phases and keep each one's fastest run: on a shared machine the noise is one-sided.
        Map<String, Object> bare = null;
        Map<String, Object> rt = null;
        Path out = work.resolve("out-" + name);
        for (int i = 0; i < Math.max(1, repeat); i++) {
            bare = faster(bare, child("bare", data.resolve("data"), null));
            deleteRecursively(out);
            rt = faster(rt, child("runtime", data.resolve("data"), out));
        }
        double bareS = ((Number) bare.get("seconds")).doubleValue();
        double rtS = ((Number) rt.get("seconds")).doubleValue();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("files", files);
        m.put("images", files * perFile);
        m.put("input_bytes", bytes);
        m.put("largest_row_group_projected_bytes", largestGroup);
        m.put("bare_s", bareS);
        m.put("runtime_s", rtS);
        m.put("overhead_pct", 100.0 * (rtS - bareS) / bareS);
        double bareCpu = ((Number) bare.get("cpu_seconds")).doubleValue();
        double rtCpu = ((Number) rt.get("cpu_seconds")).doubleValue();
        m.put("bare_cpu_s", bareCpu);
        m.put("runtime_cpu_s", rtCpu);
        m.put("cpu_overhead_pct", 100.0 * (rtCpu - bareCpu) / bareCpu);
        if (startup != null) {
            m.put("steady_overhead_pct", steady(bareS, rtS, startup.get("bare_s"), startup.get("runtime_s")));
            m.put("steady_cpu_overhead_pct", steady(bareCpu, rtCpu, startup.get("bare_cpu_s"),
                    startup.get("runtime_cpu_s")));
        }
        m.put("bare_rows_per_s", bare.get("rows_per_s"));
        m.put("runtime_rows_per_s", rt.get("rows_per_s"));
        m.put("bare_peak_rss_bytes", bare.get("peak_rss_bytes"));
        m.put("runtime_peak_rss_bytes", rt.get("peak_rss_bytes"));
        return m;
    }

    /** Overhead of the per-image part: each phase's time minus what the same phase costs once per process. */
    private static double steady(double bare, double rt, Object bare0, Object rt0) {
        double b = bare - ((Number) bare0).doubleValue();
        double r = rt - ((Number) rt0).doubleValue();
        return 100.0 * (r - b) / b;
    }

    private static Map<String, Object> faster(Map<String, Object> best, Map<String, Object> next) {
        if (best == null) {
            return next;
        }
        double a = ((Number) best.get("seconds")).doubleValue();
        double b = ((Number) next.get("seconds")).doubleValue();
        Map<String, Object> keep = new LinkedHashMap<>(a <= b ? best : next);
        keep.put("peak_rss_bytes", Math.max(((Number) best.get("peak_rss_bytes")).longValue(),
                ((Number) next.get("peak_rss_bytes")).longValue()));
        return keep;
    }

    /** Runs one phase in a fresh JVM of this distribution and returns its result line. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> child(String which, Path data, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.tol.cli.Main", "-q",
                "bench", "runtime", "--phase", which, "--phase-input", data.toString(), "--threads",
                String.valueOf(threads), "--batch-size", String.valueOf(batch), "--checkpoint-every",
                String.valueOf(checkpointEvery)));
        if (out != null) {
            cmd.addAll(List.of("--phase-out", out.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        String line = stdout.lines().filter(l -> l.startsWith("BENCH ")).findFirst().orElse(null);
        if (code != 0 || line == null) {
            throw new TolException("bench phase '" + which + "' failed (exit " + code + "): " + stdout, null);
        }
        return Json.mapper().readValue(line.substring(6), Map.class);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
