package org.tol.stages.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.tol.api.image.DecodeResult;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * {@code tol bench parquet-scan}: how close reading + decoding every image cell gets to plainly reading
 * the same files' bytes, on one thread, warm page cache (a plain read runs first to warm it). The ratio
 * says whether the Parquet path, not the disk, is the bottleneck. One untimed scan runs first as well,
 * so the timed passes see compiled code and a heap whose memory has been touched once (a long scan's
 * steady state), not JIT warm-up and first-touch page faults.
 *
 * <p>The plain read ({@code plain_read_mb_s}, the ratio's denominator) is what any JVM reader pays at
 * least: {@code FileChannel.read} of each file, in order, into a reused 8 MiB <em>heap</em> buffer, i.e.
 * page cache to JVM heap (the JDK goes through a temporary native buffer, as parquet-java's
 * {@code RandomAccessFile} reads do), no parsing. {@code plain_read_direct_mb_s} is the same into a reused
 * direct buffer (the kernel's copy alone into a cache-resident buffer): a memory-bandwidth ceiling no
 * reader that hands out heap arrays can reach, reported for reference only. Both are the best of
 * {@code repeats} passes, like the scan.
 */
public final class ParquetScanBench {
    /** Says in the output what the ratio's denominator measured (see the class comment). */
    public static final String PLAIN_READ_METHOD =
            "FileChannel.read into a reused 8 MiB heap buffer (page cache -> JVM heap), one thread";
    private static final int BUFFER = 8 << 20;

    private ParquetScanBench() {}

    public record Result(
            int files,
            long bytes,
            long rows,
            @JsonProperty("decoded_ok") long ok,
            @JsonProperty("plain_read_mb_s") double plainMbPerSec,
            @JsonProperty("plain_read_direct_mb_s") double plainDirectMbPerSec,
            @JsonProperty("plain_read_method") String plainReadMethod,
            @JsonProperty("scan_mb_s") double scanMbPerSec,
            @JsonProperty("scan_rows_s") double scanRowsPerSec,
            @JsonProperty("scan_vs_plain") double ratio,
            int threads,
            int repeats) {}

    /** {@code threads} > 1 scans files in parallel (the plain read stays on one thread, like one reader). */
    public static Result run(List<InputFile> files, int repeats, int threads) throws Exception {
        long bytes = files.stream().mapToLong(InputFile::sizeBytes).sum();
        plainRead(files, ByteBuffer.allocate(BUFFER)); // warm the page cache
        double plain = Double.MAX_VALUE;
        double plainDirect = Double.MAX_VALUE;
        double scan = Double.MAX_VALUE;
        long rows = 0;
        long ok = 0;
        ImageDecoder decoder = new ImageDecoder();
        scan(files, decoder); // warm the JIT and the heap
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            plainRead(files, ByteBuffer.allocate(BUFFER));
            plain = Math.min(plain, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            plainRead(files, ByteBuffer.allocateDirect(BUFFER));
            plainDirect = Math.min(plainDirect, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            long[] counts = threads <= 1 ? scan(files, decoder) : parallelScan(files, decoder, threads);
            scan = Math.min(scan, (System.nanoTime() - t0) / 1e9);
            rows = counts[0];
            ok = counts[1];
        }
        double mb = bytes / 1e6;
        return new Result(files.size(), bytes, rows, ok, mb / plain, mb / plainDirect, PLAIN_READ_METHOD, mb / scan,
                rows / scan, plain / scan, Math.max(1, threads), repeats);
    }

    private static long[] parallelScan(List<InputFile> files, ImageDecoder decoder, int threads) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<long[]>> parts = new java.util.ArrayList<>();
            for (InputFile f : files) {
                parts.add(pool.submit(() -> scan(List.of(f), decoder)));
            }
            long[] total = new long[2];
            for (var p : parts) {
                long[] c = p.get();
                total[0] += c[0];
                total[1] += c[1];
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long plainRead(List<InputFile> files, ByteBuffer buf) throws IOException {
        long total = 0;
        for (InputFile f : files) {
            try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
                int n;
                while ((n = ch.read(buf)) > 0) {
                    total += n;
                    buf.clear();
                }
            }
        }
        return total;
    }

    /** {rows, decoded ok}; the checksum keeps the JIT from dropping the decode. */
    private static long[] scan(List<InputFile> files, ImageDecoder decoder) throws IOException {
        long rows = 0;
        long ok = 0;
        long checksum = 0;
        for (InputFile f : files) {
            try (ParquetRows in = ParquetRows.open(f.path(), ImageColumns.DECODE_COLUMNS)) {
                for (Row row = in.next(); row != null; row = in.next()) {
                    rows++;
                    DecodeResult r = decoder.decode(row);
                    if (r.isOk()) {
                        ok++;
                        checksum += r.image().pixels()[0];
                    }
                }
            }
        }
        return new long[] {rows, ok + (checksum == Long.MIN_VALUE ? 1 : 0)};
    }
}
