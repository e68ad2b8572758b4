package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.tol.cli.TolCommand;
import org.tol.filters.imagestats.ImageStatsFilter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.RankContext;
import org.tol.runtime.RankRunner;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.StaticCoordinator;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.launch.LocalLauncher;

/**
 * Shared helpers of the runtime end-to-end tests: sample data, rank processes (child JVMs on the test class
 * path, with SLURM variables like srun sets), in-process rank threads, and reading collected predictions.
 */
final class RuntimeHarness {
    static final List<String> COLUMNS =
            List.of("uuid", "status", "error", "width", "height", "mean_r", "mean_g", "mean_b", "pixel_sha256");

    private RuntimeHarness() {}

    /** 8 larger files (split into row-group units) and 4 small ones, with a few bad rows; ~370 images. */
    static long sampleData(Path dir) throws IOException {
        long rows = TinySample.write(dir.resolve("big"), 8, 36, 16, 40, 9, 37, 11).rows();
        rows += TinySample.write(dir.resolve("small"), 4, 12, 16, 40, 9, 0, 12).rows();
        return rows;
    }

    /** Flags that make units small and checkpoints frequent, so kills land mid-unit. */
    static List<String> filterArgs(Path in, Path out) {
        return new ArrayList<>(List.of("filter", "image-stats", "--input", in.toString(), "--output", out.toString(),
                "--batch-size", "4", "--checkpoint-every", "2", "--split-size", "48k", "--unit-row-groups", "2",
                "--prep-threads", "2", "--progress-seconds", "0.2", "--grace-seconds", "20"));
    }

    /** {@code args} with option {@code name} set to {@code value} (replaced when present, else appended). */
    static List<String> withOption(List<String> args, String name, String value) {
        List<String> out = new ArrayList<>(args);
        int i = out.indexOf(name);
        if (i >= 0) {
            out.set(i + 1, value);
        } else {
            out.add(name);
            out.add(value);
        }
        return out;
    }

    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Starts one rank as its own JVM, as srun would (SLURM_PROCID etc.); output goes to {@code log}. */
    /**
     * A prefix that gives the rank SIGINT's default disposition. A test run started in the background of a
     * non-interactive shell ({@code ./test &}, nohup, some CI runners) inherits SIGINT as ignored, and the JVM
     * then (rightly, as POSIX asks) never installs a handler for it, so a Ctrl-C test could not reach the
     * rank. coreutils' {@code env --default-signal} (8.31+) undoes that; empty where it is missing.
     */
    private static final List<String> DEFAULT_SIGINT = defaultSigint();

    private static List<String> defaultSigint() {
        List<String> prefix = List.of("env", "--default-signal=INT");
        try {
            Process p = new ProcessBuilder(concat(prefix, List.of("true"))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? prefix : List.of();
        } catch (IOException | InterruptedException e) {
            return List.of();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Process startRank(int rank, int world, List<String> tolArgs, Path log) throws IOException {
        return startRank(rank, world, tolArgs, log, Map.of());
    }

    static Process startRank(int rank, int world, List<String> tolArgs, Path log, Map<String, String> extraEnv)
            throws IOException {
        List<String> cmd = new ArrayList<>(DEFAULT_SIGINT);
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath(), "org.tol.cli.Main"));
        cmd.addAll(tolArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(LocalLauncher.slurmEnv(rank, world, "test"));
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    static int waitFor(Process p, int seconds) throws InterruptedException {
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "rank process did not end within " + seconds + " s");
        return p.exitValue();
    }

    /** Runs {@code tol ...} in this JVM and returns its exit code. */
    static int tol(List<String> args) {
        return TolCommand.commandLine().execute(args.toArray(String[]::new));
    }

    /** Runtime config equivalent to {@link #filterArgs}, for in-process rank threads. */
    static RuntimeConfig config(Path in, Path out) {
        return new RuntimeConfig(List.of(in.toString()), out, "cpu", 4, 2, 2, 48 * 1024, 2, 20, 0.2, false, false, 300);
    }

    /**
     * Runs {@code world} ranks as threads of this JVM with the static plan (as separate srun tasks would, minus
     * the process boundary). {@code stop} lets a test interrupt them. Returns each rank's exit code.
     */
    static int[] runThreads(RuntimeConfig config, int world, StopFlag stop) throws Exception {
        int[] codes = new int[world];
        Exception[] errors = new Exception[world];
        Thread[] threads = new Thread[world];
        for (int r = 0; r < world; r++) {
            final int rank = r;
            threads[r] = new Thread(() -> {
                try {
                    RankContext ctx = new RankContext(rank, world, rank, 0, "test", "test");
                    codes[rank] = new RankRunner(config, ctx, new StaticCoordinator(), stop, Map.of())
                            .run(ImageStatsFilter.NAME, d -> new ImageStatsFilter());
                } catch (Exception e) {
                    errors[rank] = e;
                }
            });
            threads[r].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Exception e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return codes;
    }

    /** The rows of a predictions file by uuid; fails on a duplicate uuid. */
    static Map<String, Map<String, Object>> readPredictions(Path file) throws IOException {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        try (ParquetRows r = ParquetRows.open(file, COLUMNS)) {
            for (Row row = r.next(); row != null; row = r.next()) {
                Map<String, Object> m = new HashMap<>();
                for (String c : COLUMNS) {
                    m.put(c, row.value(c));
                }
                Object prev = rows.put(row.string("uuid"), m);
                assertEquals(null, prev, "duplicate uuid " + row.string("uuid") + " in " + file);
            }
        }
        return rows;
    }

    /** Collects OUT in-process and returns its predictions (asserting collect exit 0). */
    static Map<String, Map<String, Object>> collect(Path out) throws IOException {
        assertEquals(0, tol(List.of("collect", out.toString())), "collect of " + out);
        return readPredictions(out.resolve("predictions.parquet"));
    }

    /** The reference result: one uninterrupted single-rank run of the same data. */
    static Map<String, Map<String, Object>> uninterrupted(Path in, Path out) throws Exception {
        int[] codes = runThreads(config(in, out), 1, new StopFlag());
        assertEquals(0, codes[0]);
        return collect(out);
    }

    /** Exit code, stdout and stderr of an in-process {@code tol ...}. */
    record Run(int code, String out, String err) {}

    static Run tolCapture(List<String> args) {
        picocli.CommandLine cl = TolCommand.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs {@code world} rank threads and stops them once at least {@code parts} parts are committed. */
    static int[] interruptAfterParts(Path out, Path in, int world, int parts) throws Exception {
        StopFlag stop = new StopFlag();
        Thread watcher = new Thread(() -> {
            try {
                while (committedParts(out) < parts) {
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                // stop anyway
            }
            stop.stop("test interruption");
        });
        watcher.start();
        int[] codes = runThreads(config(in, out), world, stop);
        stop.stop("done");
        watcher.join();
        return codes;
    }

    /** Manifest lines of every rank directory in OUT. */
    static long committedParts(Path out) throws IOException {
        long n = 0;
        if (Files.isDirectory(out)) {
            try (var dirs = Files.list(out)) {
                for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("checkpoints_rank")).toList()) {
                    n += org.tol.checkpoint.AppendLog.read(d.resolve("manifest.jsonl")).size();
                }
            }
        }
        return n;
    }

    /** Every row of every {@code predictions_rank*.parquet} in OUT by uuid; fails on a uuid found twice. */
    static Map<String, Map<String, Object>> readRankPredictions(Path out) throws IOException {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("predictions_rank\\d+\\.parquet")).toList()) {
                for (Map.Entry<String, Map<String, Object>> e : readPredictions(f).entrySet()) {
                    assertEquals(null, all.put(e.getKey(), e.getValue()), "uuid " + e.getKey() + " twice, again in " + f);
                }
            }
        }
        return all;
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
