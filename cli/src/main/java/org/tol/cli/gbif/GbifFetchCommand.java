package org.tol.cli.gbif;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.GbifImage;
import org.tol.gbif.GbifImages;
import org.tol.gbif.fetch.FetchJob;
import org.tol.gbif.fetch.FetchOptions;
import org.tol.gbif.fetch.FileSink;
import org.tol.gbif.fetch.HttpImageClient;
import org.tol.gbif.fetch.ImageSink;
import org.tol.gbif.fetch.ParquetSink;
import org.tol.gbif.fetch.Selection;
import org.tol.io.json.Json;
import org.tol.runtime.exec.SignalHandlers;
import org.tol.runtime.exec.StopFlag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif fetch}: ami-dataset fetch-images with retries, rate limits, checks, resume and shards. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Downloads the images of a DwC-A (multimedia ⋈ occurrence) to DATASET/<datasetKey>/<gbifID>[_n].jpg "
                + "(or images-in-Parquet under DATASET/data/). Images already present and complete are skipped, "
                + "so rerunning resumes. Failures: DATASET/fetch_failures[_shardIofN].csv (image_path, identifier, "
                + "reason, http_status, attempts, message).",
            "Exit 0 when every image arrived, 3 when some failed, 75 when stopped by a signal (rerun to resume)."})
public final class GbifFetchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset-path", required = true, paramLabel = "DIR", description = "Folder the images go to.")
    Path datasetPath;

    @Option(names = "--dwca-file", required = true, paramLabel = "DWCA", description = "Darwin Core Archive (zip or folder).")
    Path dwcaFile;

    @Option(names = "--cache-path", paramLabel = "DIR",
            description = "Folder with images from an earlier download, copied (when complete) instead of fetched.")
    Path cachePath;

    @Option(names = "--num-images-per-category", defaultValue = "0", paramLabel = "N",
            description = "At most N images per --subset-key value, chosen by a seeded rank; 0 = all (default: "
                    + "${DEFAULT-VALUE}). With N > 0, images without a key are dropped, as in the reference.")
    int perCategory;

    @Option(names = "--num-workers", defaultValue = "8", paramLabel = "N",
            description = "Concurrent downloads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--random-seed", defaultValue = "42", description = "Seed of the per-category choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--request-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    double requestTimeout;

    @Option(names = "--read-timeout", paramLabel = "SECONDS",
            description = "Deadline for one attempt's whole response (default: 10 x --request-timeout).")
    Double readTimeout;

    @Option(names = "--max-retries", defaultValue = "3", description = "Retries on 429/5xx/timeouts/connection errors (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--retry-base-delay", defaultValue = "1", paramLabel = "SECONDS",
            description = "First backoff delay, doubled per retry with jitter (default: ${DEFAULT-VALUE}).")
    double retryBase;

    @Option(names = "--max-backoff", defaultValue = "120", paramLabel = "SECONDS",
            description = "Longest wait between attempts, also the cap on Retry-After (default: ${DEFAULT-VALUE}).")
    double maxBackoff;

    @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "PER_SECOND",
            description = "Requests per second per host; 0 = no limit (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Option(names = "--shard", defaultValue = "0/1", paramLabel = "I/N",
            description = "Fetch only every N-th selected image from I, so N jobs share one download (default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--output-format", defaultValue = "files", paramLabel = "files|parquet",
            description = "files: the reference's folder of JPEGs; parquet: TreeOfLife-200M images-in-Parquet "
                    + "under DATASET/data/ (default: ${DEFAULT-VALUE}).")
    String outputFormat;

    @Option(names = "--parquet-part-images", defaultValue = "1000", paramLabel = "N",
            description = "Images per committed Parquet part (default: ${DEFAULT-VALUE}).")
    int partImages;

    @Option(names = "--progress-seconds", defaultValue = "10", description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    double progressSeconds;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @CommandLine.Mixin SubsetOptions subset;

    @Override
    public Integer call() throws Exception {
        if (!outputFormat.equals("files") && !outputFormat.equals("parquet")) {
            throw new IllegalArgumentException("--output-format must be files or parquet, got '" + outputFormat + "'");
        }
        Selection.Shard sh = Selection.Shard.parse(shard);
        GbifImages.Loaded loaded = GbifImages.load(dwcaFile);
        List<GbifImage> mine = Selection.select(loaded.images(), subset.subsetKey, subset.keys(), perCategory, seed, sh);
        FetchOptions opts = new FetchOptions(seconds(requestTimeout),
                seconds(readTimeout != null ? readTimeout : 10 * requestTimeout), maxRetries, seconds(retryBase),
                seconds(maxBackoff), rateLimit, FetchOptions.FIREFOX_124);
        StopFlag stop = new StopFlag();
        SignalHandlers.install(stop, 60);
        ImageSink sink = outputFormat.equals("files") ? new FileSink(datasetPath)
                : new ParquetSink(datasetPath, sh.suffix(), partImages);
        Path failures = datasetPath.resolve("fetch_failures" + sh.suffix() + ".csv");
        FetchJob.Summary s;
        try (HttpImageClient client = new HttpImageClient(opts)) {
            s = new FetchJob(mine, sink, client, workers, cachePath, failures, stop, progressSeconds).run();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d images selected (%d malformed DwC-A records skipped): %d fetched, %d already present, "
                    + "%d from cache, %d failed (%s) in %.1f s%s%n", s.selected(), loaded.malformed(), s.fetched(),
                    s.present(), s.fromCache(), s.failed(), s.failuresFile(), s.seconds(),
                    s.interrupted() ? "; interrupted, rerun to resume" : "");
        }
        return s.interrupted() ? ExitCodes.INTERRUPTED : s.failed() > 0 ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
