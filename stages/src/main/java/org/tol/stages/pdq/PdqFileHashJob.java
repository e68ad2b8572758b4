package org.tol.stages.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.api.image.DecodeResult;
import org.tol.api.schema.Column;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;

/**
 * {@code tol pdq hash} over image files and folders (not images-in-Parquet, which runs on the rank runtime
 * through {@link PdqFilter}): decodes and hashes on a thread pool and writes {@code OUT/hashes.parquet}
 * with the runtime's leading columns (uuid = the file path, status, error) then the PDQ columns, and
 * {@code OUT/summary.json} last. A file that cannot be decoded is a row with its error, never a crash.
 */
public final class PdqFileHashJob {
    public static final String HASHES = "hashes.parquet";
    private static final Logger LOG = LoggerFactory.getLogger(PdqFileHashJob.class);
    private static final Set<String> EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "jfif");

    public record Summary(long files, long ok, long failed, String preResize, String lumaPrecision, String decoder,
            double seconds, double filesPerSecond, String output) {}

    private PdqFileHashJob() {}

    /** True when the inputs are image files or folders holding images and no Parquet. */
    public static boolean isImageInput(List<String> inputs) {
        for (String in : inputs) {
            Path p = Path.of(in);
            if (Files.isDirectory(p)) {
                if (containsParquet(p)) {
                    return false;
                }
            } else if (!isImage(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsParquet(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && !n.startsWith(".") && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Image files of the inputs: files as given, folders searched recursively; sorted by path. */
    static List<Path> listImages(List<String> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (!Files.exists(p)) {
                throw TolException.usage("input not found: " + in, "pass image files or folders of images");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(PdqFileHashJob::isImage).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    public static Summary run(List<String> inputs, Path out, PreResize preResize, LumaPrecision luma,
            PdqFileDecoder decoder, int threads) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Path> files = listImages(inputs);
        if (files.isEmpty()) {
            throw TolException.usage("no image files in " + inputs, "supported extensions: " + EXTENSIONS);
        }
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        ThreadLocal<PdqHasher> hashers = ThreadLocal.withInitial(() -> new PdqHasher(luma));
        AtomicLong done = new AtomicLong();
        long ok = 0;
        try (ParquetRowWriter w = ParquetRowWriter.create(out.resolve(HASHES), columns())) {
            List<Future<Map<String, Object>>> rows = new ArrayList<>(files.size());
            for (Path f : files) {
                rows.add(pool.submit(() -> {
                    Map<String, Object> row = hashFile(f, preResize, decoder, hashers.get());
                    progress(done.incrementAndGet(), files.size(), t0);
                    return row;
                }));
            }
            for (Future<Map<String, Object>> f : rows) {
                Map<String, Object> row = f.get();
                ok += "ok".equals(row.get("status")) ? 1 : 0;
                w.write(row);
            }
            w.commit();
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Summary s = new Summary(files.size(), ok, files.size() - ok, preResize.label(), luma.label(), decoder.label(), secs,
                files.size() / Math.max(secs, 1e-9), out.toString());
        Json.writeAtomically(out.resolve(PdqMatchJob.SUMMARY), s);
        return s;
    }

    static List<Column> columns() {
        List<Column> c = new ArrayList<>(List.of(Column.string("uuid"), Column.string("status"), Column.string("error")));
        c.addAll(PdqColumns.OUTPUT);
        return c;
    }

    static Map<String, Object> hashFile(Path f, PreResize preResize, PdqFileDecoder decoder, PdqHasher hasher) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uuid", f.toString());
        DecodeResult d = decoder.decode(f);
        if (!d.isOk()) {
            row.put("status", d.error().status());
            row.put("error", d.message());
            LOG.warn("{}", d.message());
            return row;
        }
        row.put("status", "ok");
        row.putAll(PdqColumns.values(hasher.hash(preResize.apply(d.image()))));
        return row;
    }

    private static void progress(long done, long total, long t0) {
        if (done % 1000 == 0 || done == total) {
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = done / Math.max(secs, 1e-9);
            LOG.info("hashed {}/{} files, {} files/s, ETA {} s", done, total, String.format("%.1f", rate),
                    Math.round((total - done) / Math.max(rate, 1e-9)));
        }
    }
}
