package org.tol.gbif.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.tol.gbif.GbifImage;
import org.tol.gbif.demo.LocalImageServer;
import org.tol.gbif.wds.SampleImage;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.image.SyntheticImages;
import org.tol.runtime.exec.StopFlag;

/**
 * {@code tol bench gbif-fetch}: images/s of {@link FetchJob} against a loopback server serving synthetic JPEGs,
 * at given concurrencies. It measures tol's side (HTTP client, checks, atomic writes, fsync), not the network.
 */
public final class GbifFetchBench {
    /** One run: concurrency, images, seconds, images/s, MB/s. */
    public record Result(int concurrency, String format, int images, double seconds, double imagesPerSecond,
            double megabytesPerSecond) {}

    private GbifFetchBench() {}

    public static List<Result> run(Path work, int images, int width, int height, List<Integer> concurrencies,
            String format) throws IOException, InterruptedException {
        Path www = work.resolve("www");
        Random rnd = new Random(42);
        long bytes = 0;
        for (int i = 0; i < Math.min(images, 64); i++) { // 64 distinct pictures, served under many names
            byte[] jpg = SampleImage.jpeg100(SyntheticImages.render(rnd, width, height));
            AtomicFiles.write(www.resolve("p" + i + ".jpg"), out -> out.write(jpg));
        }
        for (int i = 0; i < images; i++) {
            bytes += Files.size(www.resolve("p" + (i % 64) + ".jpg"));
        }
        List<Result> out = new ArrayList<>();
        try (LocalImageServer server = LocalImageServer.start(www, 64)) {
            List<GbifImage> list = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                String[] v = new String[GbifImage.COLUMNS.size() - 1];
                v[0] = Integer.toString(1_000_000 + i);
                v[1] = server.baseUrl() + "/p" + (i % 64) + ".jpg";
                v[2] = v[0];
                v[3] = "bench";
                list.add(new GbifImage(v, 0, null, null));
            }
            FetchOptions opts = new FetchOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 1,
                    Duration.ofMillis(100), Duration.ofSeconds(5), 0, FetchOptions.FIREFOX_124);
            for (int c : concurrencies) {
                Path ds = work.resolve("run-c" + c);
                deleteTree(ds);
                ImageSink sink = format.equals("parquet") ? new ParquetSink(ds, "", 1000) : new FileSink(ds);
                try (HttpImageClient client = new HttpImageClient(opts)) {
                    FetchJob.Summary s = new FetchJob(list, sink, client, c, null, ds.resolve("failures.csv"),
                            new StopFlag(), 0).run();
                    if (s.failed() > 0) {
                        throw new IOException(s.failed() + " bench downloads failed; see " + s.failuresFile());
                    }
                    out.add(new Result(c, format, images, s.seconds(), images / s.seconds(),
                            bytes / 1e6 / s.seconds()));
                }
                deleteTree(ds);
            }
        }
        return out;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
