package org.tol.runtime.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tol.api.schema.Column;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.RunStore;
import org.tol.checkpoint.WorkUnit;
import org.tol.filters.imagestats.ImageStatsBench;
import org.tol.runtime.exec.CommitQueue;
import org.tol.runtime.exec.PartSink;

/**
 * {@code tol bench collect}: a synthetic finished run (small prediction parts written by the runtime's own
 * {@link PartSink}, no images) and one collect over it, timed, with the process's peak RSS.
 */
public final class CollectBench {
    /** Prediction columns like a classifier's: uuid, status, error, label, score. */
    public static final List<Column> COLUMNS = List.of(Column.string("uuid"), Column.string("status"),
            Column.string("error"), Column.string("pred_label"), Column.float64("pred_score"));
    private static final String[] LABELS = {"plantae", "fungi", "insecta", "aves", "mammalia", "reptilia",
        "amphibia", "actinopterygii", "arachnida", "mollusca"};

    private CollectBench() {}

    /**
     * Writes OUT = {@code dir} as a finished run over {@code rows} rows: units of {@code partsPerUnit} parts of
     * {@code rowsPerPart} rows, spread over {@code ranks} ranks. Every {@code dupEvery}-th row (0 = none) repeats
     * the previous row's uuid and values (an identical duplicate, as when the input lists an image twice).
     */
    public static Map<String, Object> generate(Path dir, long rows, int rowsPerPart, int partsPerUnit, int ranks,
            long dupEvery) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        OutLayout out = new OutLayout(dir);
        long rowsPerUnit = (long) rowsPerPart * partsPerUnit;
        int unitCount = (int) ((rows + rowsPerUnit - 1) / rowsPerUnit);
        List<WorkUnit> units = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            String rel = String.format("synthetic/part-%06d.parquet", u);
            units.add(new WorkUnit(rel, dir.resolve("inputs").resolve(rel).toString(), 1L << 20, 0, -1));
        }
        RunStore.write(out, new RunPlan("bench-collect", Map.of("rows", Long.toString(rows)), List.of("synthetic"), units));
        // Ranks are split over the threads (rank % threads), so each rank's manifest and processed log has
        // one writer, as in a real run; every thread commits through its own queue like a rank does.
        int threads = Math.max(1, Math.min(ranks, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    writeUnits(out, units, rows, rowsPerPart, rowsPerUnit, ranks, threads, thread, dupEvery);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException("generating " + dir + " failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("units", unitCount);
        m.put("parts", unitCount * (long) partsPerUnit);
        m.put("ranks", ranks);
        m.put("bytes", sizeOf(dir));
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        m.put("cpu_seconds", (cpuNanos() - cpu0) / 1e9);
        m.put("threads", threads);
        return m;
    }

    private static void writeUnits(OutLayout out, List<WorkUnit> units, long rows, int rowsPerPart, long rowsPerUnit,
            int ranks, int threads, int thread, long dupEvery) throws IOException, InterruptedException {
        // One map refilled per row (PartSink copies the values into the Parquet writer at once); a repeat
        // row leaves it as it is, so it repeats the previous row's uuid and values.
        Map<String, Object> r = new HashMap<>();
        try (CommitQueue commits = new CommitQueue("bench-commit-" + thread, 8)) {
            for (int u = 0; u < units.size(); u++) {
                int rank = u % ranks;
                if (rank % threads != thread) {
                    continue;
                }
                WorkUnit unit = units.get(u);
                long row = u * rowsPerUnit;
                long inUnit = Math.min(rowsPerUnit, rows - row);
                PartSink sink = new PartSink(out, rank, unit, COLUMNS, 0, commits, null); // no input identity
                for (long i = 0; i < inUnit; i++, row++) {
                    if (!repeat(row, dupEvery)) {
                        fill(r, row);
                    } else if (i == 0) { // the row repeated was the last of another unit
                        long src = row;
                        while (repeat(src, dupEvery)) {
                            src--;
                        }
                        fill(r, src);
                    }
                    sink.write(r);
                    if (i % rowsPerPart == rowsPerPart - 1 && i < inUnit - 1) {
                        sink.commit(false);
                    }
                }
                sink.commit(true);
                commits.drain();
                AppendLog.append(out.processedLog(rank), unit.logLine());
            }
        }
    }

    private static boolean repeat(long row, long dupEvery) {
        return dupEvery > 0 && row > 0 && row % dupEvery == dupEvery - 1;
    }

    private static void fill(Map<String, Object> r, long i) {
        r.put("uuid", new UUID(0x5eed_0000_0000_0000L ^ (i * 0x9E3779B97F4A7C15L), i).toString());
        boolean bad = i % 997 == 0;
        r.put("status", bad ? "decode_error" : "ok");
        r.put("error", bad ? "synthetic bad row " + i : null);
        r.put("pred_label", bad ? null : LABELS[(int) (i % LABELS.length)]);
        r.put("pred_score", bad ? null : (i % 1000) / 1000.0);
    }

    /** One collect of OUT = {@code dir} in this process: seconds, summary counts and peak RSS (VmHWM). */
    public static Map<String, Object> collect(Path dir) throws IOException {
        OutLayout out = new OutLayout(dir);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        Collector.Result r = new Collector(out, false).collect(out.collected());
        double s = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exit_code", r.exitCode());
        m.put("rows_read", r.summary().get("rows_read"));
        m.put("rows", r.summary().get("rows"));
        m.put("duplicate_uuids_identical", r.summary().get("duplicate_uuids_identical"));
        m.put("seconds", s);
        m.put("cpu_seconds", (cpuNanos() - cpu0) / 1e9); // all threads: the fair figure on a shared machine
        m.put("rows_per_s", ((Number) r.summary().get("rows_read")).doubleValue() / s);
        m.put("peak_rss_bytes", ImageStatsBench.peakRss());
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return m;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
