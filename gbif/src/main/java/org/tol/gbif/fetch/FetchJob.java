package org.tol.gbif.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.gbif.GbifImage;
import org.tol.gbif.Progress;
import org.tol.gbif.table.CsvTable;
import org.tol.runtime.exec.StopFlag;

/**
 * Fetches a selection of images into a sink with {@code workers} concurrent requests: images the sink already
 * holds are skipped (resume), a {@code --cache-path} copy is used when present and valid, everything else is
 * downloaded. Every image that does not arrive gets a row in the failures CSV with its reason; the file is
 * rewritten atomically at the end (also after a stop), so it always describes the last run.
 */
public final class FetchJob {
    private static final Logger LOG = LoggerFactory.getLogger(FetchJob.class);
    public static final List<String> FAILURE_COLUMNS =
            List.of("image_path", "identifier", "reason", "http_status", "attempts", "message");

    /** What a run did; {@code interrupted} when a stop request ended it before every image was tried. */
    public record Summary(int selected, int fetched, int present, int fromCache, int failed, double seconds,
            boolean interrupted, String failuresFile) {}

    private record Failure(int index, GbifImage img, FetchResult r) {}

    private final List<GbifImage> images;
    private final ImageSink sink;
    private final HttpImageClient client;
    private final int workers;
    private final Path cachePath;
    private final Path failuresFile;
    private final StopFlag stop;
    private final double progressSeconds;

    public FetchJob(List<GbifImage> images, ImageSink sink, HttpImageClient client, int workers, Path cachePath,
            Path failuresFile, StopFlag stop, double progressSeconds) {
        this.images = images;
        this.sink = sink;
        this.client = client;
        this.workers = Math.max(1, workers);
        this.cachePath = cachePath;
        this.failuresFile = failuresFile;
        this.stop = stop;
        this.progressSeconds = progressSeconds;
    }

    public Summary run() throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "tol-gbif-fetch");
            t.setDaemon(true);
            return t;
        });
        boolean interrupted;
        try (Progress progress = new Progress("gbif fetch", images.size(), progressSeconds,
                () -> fetched.get() + " fetched, " + present.get() + " present, " + cached.get() + " from cache, "
                        + failures.size() + " failed")) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < images.size() && !stop.stopped();
                            i = next.getAndIncrement()) {
                        GbifImage img = images.get(i);
                        FetchResult r = one(img, present, cached);
                        if (r == null) {
                            progress.step();
                            continue;
                        }
                        if (r.ok()) {
                            sink.put(img, r.body());
                            fetched.incrementAndGet();
                        } else if (!"interrupted".equals(r.reason())) {
                            failures.add(new Failure(i, img, r));
                        }
                        progress.step();
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                stop.stop("worker failed");
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                pool.shutdownNow();
                sink.close();
                writeFailures(failures);
            }
            interrupted = stop.stopped() && progress.done() < images.size();
            LOG.info("{}", progress.line());
            return new Summary(images.size(), fetched.get(), present.get(), cached.get(), failures.size(),
                    progress.seconds(), interrupted, failuresFile.toString());
        }
    }

    /** null when the image needs no download (present or copied from the cache), else the download result. */
    private FetchResult one(GbifImage img, AtomicInteger present, AtomicInteger cached) throws IOException {
        if (sink.has(img)) {
            present.incrementAndGet();
            return null;
        }
        if (cachePath != null) {
            Path c = cachePath.resolve(img.imagePath());
            if (Files.isRegularFile(c)) {
                byte[] b = Files.readAllBytes(c);
                if (ImageCheck.problem(b, null) == null) {
                    sink.put(img, b);
                    cached.incrementAndGet();
                    return null;
                }
                LOG.warn("cached copy {} is not a complete image; downloading instead", c);
            }
        }
        try {
            return client.fetch(img.url());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.fail("interrupted", 0, 0, "stopped");
        }
    }

    private void writeFailures(ConcurrentLinkedQueue<Failure> failures) throws IOException {
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingInt(Failure::index));
        List<String[]> rows = new ArrayList<>();
        for (Failure f : sorted) {
            rows.add(new String[] {f.img().imagePath(), f.img().url(), f.r().reason(),
                Integer.toString(f.r().httpStatus()), Integer.toString(f.r().attempts()), f.r().message()});
        }
        CsvTable.write(failuresFile, FAILURE_COLUMNS, rows);
        if (!rows.isEmpty()) {
            LOG.warn("{} image(s) did not arrive; reasons in {}", rows.size(), failuresFile);
        }
    }
}
