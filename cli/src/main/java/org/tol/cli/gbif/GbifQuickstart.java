package org.tol.cli.gbif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tol.gbif.demo.LocalImageServer;

/**
 * The quickstart's GBIF part: a local image server (127.0.0.1, ephemeral port) over {@code DIR/gbif/www}, and
 * the command lines of all six {@code tol gbif} commands on an archive built from the sample data.
 */
public final class GbifQuickstart implements AutoCloseable {
    /** One quickstart step: title, arguments, exit codes that mean success, what it produces. */
    public record Line(String title, List<String> args, int okCode, String produces) {}

    private final LocalImageServer server;
    private final String d;

    public GbifQuickstart(Path dir) throws IOException {
        this.d = dir.toString() + "/gbif";
        this.server = LocalImageServer.start(dir.resolve("gbif/www"), 8);
    }

    public List<Line> lines(String sampleData) {
        String zip = d + "/dwca.zip";
        String images = d + "/images";
        String verified = d + "/verified.csv";
        return List.of(
                new Line("gbif: DwC-A from the sample images, served on " + server.baseUrl(), List.of("gbif",
                        "demo-archive", "--input", sampleData, "--www", d + "/www", "--base-url", server.baseUrl(),
                        "--out", zip), 0, zip),
                new Line("gbif fetch (1 planted 404 -> exit 3)", List.of("gbif", "fetch", "--dwca-file", zip,
                        "--dataset-path", images, "--max-retries", "1", "--retry-base-delay", "0.1", "--rate-limit",
                        "100", "--progress-seconds", "0"), 3, images + "/<datasetKey>/<gbifID>[_n].jpg, fetch_failures.csv"),
                new Line("gbif fetch as images-in-Parquet (same 404)", List.of("gbif", "fetch", "--dwca-file", zip,
                        "--dataset-path", d + "/parquet", "--output-format", "parquet", "--max-retries", "0",
                        "--progress-seconds", "0"), 3, d + "/parquet/data/gbif_part*.parquet (TreeOfLife-200M schema)"),
                new Line("gbif verify", List.of("gbif", "verify", "--dwca-file", zip, "--dataset-path", images,
                        "--results-csv", verified), 0, verified + " + .error.csv"),
                new Line("gbif delete (corrupted images)", List.of("gbif", "delete", "--error-images-csv",
                        verified + ".error.csv", "--base-path", images), 0, "files listed in verified.csv.error.csv removed"),
                new Line("gbif clean", List.of("gbif", "clean", "--dwca-file", zip, "--verified-data-csv", verified,
                        "--thumb-size", "32"), 0, d + "/verified_clean.csv"),
                new Line("gbif split", List.of("gbif", "split", "--dataset-csv", d + "/verified_clean.csv",
                        "--split-prefix", d + "/splits", "--test-frac", "0.25", "--val-frac", "0.25"), 0,
                        d + "/splits/{train,val,test}.csv"),
                new Line("gbif webdataset (train)", List.of("gbif", "webdataset", "--annotations-csv",
                        d + "/splits/train.csv", "--dataset-path", images, "--image-path-column", "image_path",
                        "--label-column", "acceptedTaxonKey", "--webdataset-pattern", d + "/wds/train-%06d.tar",
                        "--columns-to-json", "datasetKey,lifeStage", "--save-category-map-json",
                        d + "/wds/categories.json"), 0, d + "/wds/train-000000.tar (+ .json manifest)"));
    }

    @Override
    public void close() {
        server.close();
    }
}
