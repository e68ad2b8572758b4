package org.tol.stages.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.InputFile;
import org.tol.stages.sql.DuckDb;

/**
 * {@code tol bench parquet-scan}: tol's Parquet read path against DuckDB on the same files, side by side in
 * one process, warm page cache. The passes run interleaved ({@code repeats} rounds of plain read, DuckDB,
 * tol view, tol decode) so that other load on the machine hits all of them alike; each figure is the median
 * (and best) of its rounds; within a round a pass repeats until {@code minSeconds} have passed, so that
 * the process CPU time (which the OS counts in 10 ms ticks) is exact to a few per mille. Untimed rounds run
 * first until the JIT has settled (see {@link #warmUp}), so the timed ones see compiled code, a heap whose
 * memory has been touched and a warm page cache; {@code jit_share_while_timed} says how much compiling was
 * left (compiler seconds per wall second).
 *
 * <ul>
 *   <li>{@code duckdb}: the reference, {@code SET threads=1; SELECT sum(octet_length(image)) FROM
 *       read_parquet([...])} through DuckDB's JDBC driver (decompress every image page, take each cell's length).
 *   <li>{@code view}: the same work through tol's {@code ParquetRows}: every image cell decompressed and
 *       visited as a zero-copy view, its length summed and a byte touched.
 *   <li>{@code decode}: what the stages do: the decode columns read and every image decoded to RGB.
 *   <li>{@code plain_read}: {@code FileChannel.read} of the files into a reused 8 MiB heap buffer (page cache
 *       to JVM heap, the least any JVM reader pays); {@code plain_read_direct}: the same into a direct buffer.
 * </ul>
 * CPU figures: {@code mb_per_cpu_s} counts the whole process's CPU time (GC, the JIT compilers, DuckDB's own
 * threads), {@code mb_per_thread_cpu_s} only the scanning thread's (DuckDB with {@code threads=1} executes on
 * the calling thread; tol's JIT, which keeps compiling rarely-run per-file code for a while, is left out).
 */
public final class ParquetScanBench {
    public static final String PLAIN_READ_METHOD =
            "FileChannel.read into a reused 8 MiB heap buffer (page cache -> JVM heap), one thread";
    public static final String DUCKDB_QUERY = "SET threads=1; SELECT sum(octet_length(image)) FROM read_parquet([...])";
    private static final int BUFFER = 8 << 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final double MIN_WARMUP_SECONDS = 20;
    private static final double MAX_WARMUP_SECONDS = 90;

    private ParquetScanBench() {}

    /** One pass's figures over its timed rounds; MB are the files' bytes (10^6). */
    public record Pass(
            @JsonProperty("mb_s") double mbPerSec,
            @JsonProperty("mb_s_best") double bestMbPerSec,
            @JsonProperty("rows_s") double rowsPerSec,
            @JsonProperty("mb_per_cpu_s") double mbPerCpuSec,
            @JsonProperty("mb_per_thread_cpu_s") double mbPerThreadCpuSec) {}

    public record Result(
            int files,
            long bytes,
            long rows,
            @JsonProperty("image_bytes") long imageBytes,
            @JsonProperty("decoded_ok") long ok,
            @JsonProperty("duckdb_query") String duckDbQuery,
            Pass duckdb,
            Pass view,
            Pass decode,
            @JsonProperty("plain_read") Pass plainRead,
            @JsonProperty("plain_read_direct") Pass plainReadDirect,
            @JsonProperty("plain_read_method") String plainReadMethod,
            @JsonProperty("view_vs_duckdb") double viewVsDuckDb,
            @JsonProperty("view_vs_duckdb_cpu") double viewVsDuckDbCpu,
            @JsonProperty("view_vs_duckdb_thread_cpu") double viewVsDuckDbThreadCpu,
            @JsonProperty("decode_vs_duckdb") double decodeVsDuckDb,
            @JsonProperty("decode_vs_plain_read") double decodeVsPlain,
            int threads,
            int repeats,
            @JsonProperty("min_seconds") double minSeconds,
            @JsonProperty("warmup_s") double warmupSeconds,
            @JsonProperty("jit_share_while_timed") double jitShare) {}

    private interface Work {
        long[] run() throws Exception;
    }

    /** Wall and CPU seconds of each timed round, and the last round's {rows, checksum}. */
    private static final class Timings {
        final double[] wall;
        final double[] cpu;
        final double[] threadCpu;
        long[] counts;

        Timings(int repeats) {
            wall = new double[repeats];
            cpu = new double[repeats];
            threadCpu = new double[repeats];
        }

        /** Runs {@code w} until {@code minSeconds} have passed; per-run averages (CPU time ticks coarsely). */
        void time(int round, Work w, double minSeconds) throws Exception {
            long c0 = processCpuNanos();
            long tc0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int runs = 0;
            long elapsed;
            do {
                counts = w.run();
                runs++;
                elapsed = System.nanoTime() - t0;
            } while (elapsed < minSeconds * 1e9);
            wall[round] = elapsed / 1e9 / runs;
            cpu[round] = (processCpuNanos() - c0) / 1e9 / runs;
            threadCpu[round] = (THREADS.getCurrentThreadCpuTime() - tc0) / 1e9 / runs;
        }

        Pass pass(double mb, long rows) {
            double w = median(wall);
            return new Pass(mb / w, mb / Arrays.stream(wall).min().orElse(w), rows / w, mb / median(cpu),
                    mb / median(threadCpu));
        }
    }

    /**
     * {@code repeats} interleaved rounds; in each, every pass runs over all files as often as fits in
     * {@code minSeconds} (at least once). {@code threads} > 1 decodes files in parallel; every other pass
     * stays on one thread.
     */
    public static Result run(List<InputFile> files, int repeats, int threads, double minSeconds) throws Exception {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1");
        }
        long bytes = files.stream().mapToLong(InputFile::sizeBytes).sum();
        ImageDecoder decoder = new ImageDecoder();
        Timings plain = new Timings(repeats);
        Timings direct = new Timings(repeats);
        Timings duck = new Timings(repeats);
        Timings view = new Timings(repeats);
        Timings decode = new Timings(repeats);
        double warmup;
        double jitShare;
        ByteBuffer heapBuf = ByteBuffer.allocate(BUFFER);
        ByteBuffer directBuf = ByteBuffer.allocateDirect(BUFFER);
        try (DuckDb db = DuckDb.open(1)) {
            Work[] works = {
                () -> ScanPasses.plainRead(files, heapBuf),
                () -> ScanPasses.plainRead(files, directBuf),
                () -> ScanPasses.duckDb(db, files),
                () -> ScanPasses.view(files),
                () -> threads <= 1 ? ScanPasses.decode(files, decoder) : parallelDecode(files, decoder, threads)};
            Timings[] timings = {plain, direct, duck, view, decode};
            warmup = warmUp(works);
            long jit0 = JIT.getTotalCompilationTime();
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                for (int k = 0; k < works.length; k++) {
                    timings[k].time(r, works[k], minSeconds);
                }
            }
            jitShare = (JIT.getTotalCompilationTime() - jit0) / 1e3 / ((System.nanoTime() - t0) / 1e9);
        }
        if (duck.counts[0] != view.counts[0] || duck.counts[1] != view.counts[1]) {
            throw new IllegalStateException("tol and DuckDB disagree: DuckDB read " + duck.counts[0] + " rows, "
                    + duck.counts[1] + " image bytes; tol " + view.counts[0] + " rows, " + view.counts[1] + " bytes");
        }
        double mb = bytes / 1e6;
        long rows = view.counts[0];
        Pass d = duck.pass(mb, rows);
        Pass v = view.pass(mb, rows);
        Pass dec = decode.pass(mb, rows);
        Pass p = plain.pass(mb, rows);
        return new Result(files.size(), bytes, rows, view.counts[1], decode.counts[1], DUCKDB_QUERY, d, v, dec, p,
                direct.pass(mb, rows), PLAIN_READ_METHOD, v.mbPerSec() / d.mbPerSec(),
                v.mbPerCpuSec() / d.mbPerCpuSec(), v.mbPerThreadCpuSec() / d.mbPerThreadCpuSec(), dec.mbPerSec() / d.mbPerSec(), dec.mbPerSec() / p.mbPerSec(),
                Math.max(1, threads), repeats, minSeconds, warmup, jitShare);
    }

    /**
     * Untimed rounds of every pass for at least {@value #MIN_WARMUP_SECONDS} s and until the JIT has settled
     * (it compiled for under 3% of the wall time in two rounds in a row), at most {@value #MAX_WARMUP_SECONDS} s:
     * parquet-java's per-file and per-row-group code (footer, Thrift, schema) runs a few hundred times a pass,
     * so the compilers keep working for 20-40 s on two busy cores, which a long scan never notices but a short
     * benchmark would count. Returns the seconds spent.
     */
    private static double warmUp(Work[] works) throws Exception {
        long start = System.nanoTime();
        int quiet = 0;
        while (true) {
            long jit0 = JIT.getTotalCompilationTime();
            long t0 = System.nanoTime();
            for (Work w : works) {
                w.run();
            }
            double round = (System.nanoTime() - t0) / 1e9;
            double compiled = (JIT.getTotalCompilationTime() - jit0) / 1e3;
            quiet = compiled < 0.03 * round ? quiet + 1 : 0;
            double total = (System.nanoTime() - start) / 1e9;
            if ((quiet >= 2 && total >= MIN_WARMUP_SECONDS) || total > MAX_WARMUP_SECONDS) {
                return total;
            }
        }
    }

    private static long[] parallelDecode(List<InputFile> files, ImageDecoder decoder, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (InputFile f : files) {
                parts.add(pool.submit(() -> ScanPasses.decode(List.of(f), decoder)));
            }
            long[] total = new long[2];
            for (Future<long[]> part : parts) {
                long[] c = part.get();
                total[0] += c[0];
                total[1] += c[1];
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
