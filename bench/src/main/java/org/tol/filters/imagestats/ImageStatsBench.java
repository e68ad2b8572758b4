package org.tol.filters.imagestats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.tol.api.image.DecodeResult;
import org.tol.io.image.ImageDecoder;
import org.tol.io.json.Json;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.RankContext;
import org.tol.runtime.RankRunner;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.StaticCoordinator;
import org.tol.runtime.exec.StopFlag;

/**
 * The two measured phases of {@code tol bench runtime}, each meant to run in a fresh JVM so its peak RSS is
 * its own: image-stats through the full rank runtime (reader, pool, batches, parts, manifests, logs, stats,
 * predictions file), and a bare loop over the same files (read, decode, compute, nothing written).
 */
public final class ImageStatsBench {
    private ImageStatsBench() {}

    /** Seconds, rows and the process's peak RSS (VmHWM) of one phase. */
    public static Map<String, Object> runtimePhase(Path input, Path out, int threads, int batch, int checkpointEvery)
            throws Exception {
        RuntimeConfig cfg = new RuntimeConfig(List.of(input.toString()), out, "cpu", batch, threads, checkpointEvery,
                0, 1, 60, 3600, false, false, 300);
        System.setProperty("tol.quiet", "true");
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        int code = new RankRunner(cfg, RankContext.single(), new StaticCoordinator(), new StopFlag(), Map.of())
                .run(ImageStatsFilter.NAME, d -> new ImageStatsFilter());
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("runtime phase exited " + code);
        }
        long rows = Json.mapper().readTree(out.resolve("stats/rank0.json").toFile()).get("rows").asLong();
        return result("runtime", s, cpu, rows);
    }

    public static Map<String, Object> barePhase(Path input, int threads) throws Exception {
        List<InputFile> files = InputFiles.resolve(List.of(input.toString()));
        ImageDecoder decoder = new ImageDecoder();
        AtomicLong rows = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (InputFile f : files) {
            jobs.add(pool.submit(() -> {
                try (ParquetRows r = ParquetRows.open(f.path(), ImageColumns.DECODE_COLUMNS)) {
                    for (Row row = r.next(); row != null; row = r.next()) {
                        DecodeResult d = decoder.decode(row);
                        if (d.isOk()) {
                            sink.addAndGet(ImageStatsFilter.stats(d.image()).hashCode());
                        }
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - t0) / 1e9;
        return result("bare", s, (cpuNanos() - c0) / 1e9, rows.get());
    }

    private static Map<String, Object> result(String phase, double seconds, double cpuSeconds, long rows)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", phase);
        m.put("seconds", seconds);
        m.put("cpu_seconds", cpuSeconds);
        m.put("rows", rows);
        m.put("rows_per_s", rows / seconds);
        m.put("peak_rss_bytes", peakRss());
        return m;
    }

    /** CPU time of the whole process (all threads, JIT and GC included), in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** VmHWM of this process from /proc/self/status, in bytes; -1 where /proc is missing. */
    public static long peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }
}
