package org.tol.cli.gbif;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.gbif.wds.WebDatasetJob;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif webdataset}: ami-dataset create-webdataset on tol's wds-writer. */
@Command(name = "webdataset", mixinStandardHelpOptions = true,
        description = {"Writes one WebDataset sample per CSV row (cls, jpg, json) into shards named by "
                + "--webdataset-pattern (e.g. /data/train-%%06d.tar), each with a tol manifest NAME.json.",
            "Reuse the training set's category map for val/test (--save-category-map-json, then --category-map-json).",
            "Exit 3 when rows were skipped (missing or unreadable file, label not in the category map)."})
public final class GbifWebdatasetCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--annotations-csv", required = true, paramLabel = "CSV", description = "e.g. train.csv of 'tol gbif split'.")
    Path annotationsCsv;

    @Option(names = "--dataset-path", required = true, paramLabel = "DIR", description = "Folder of the images.")
    Path datasetPath;

    @Option(names = "--image-path-column", required = true, description = "Column with the image path (e.g. image_path).")
    String imagePathColumn;

    @Option(names = "--label-column", required = true, description = "Column with the label (e.g. acceptedTaxonKey).")
    String labelColumn;

    @Option(names = "--webdataset-pattern", required = true, paramLabel = "PATTERN", description = "Shard names, e.g. /data/train-%%06d.tar.")
    String pattern;

    @Option(names = "--category-map-json", paramLabel = "JSON", description = "Label → id map to use (from the training set).")
    Path categoryMap;

    @Option(names = "--save-category-map-json", paramLabel = "JSON", description = "Where to save the map built from the labels.")
    Path saveCategoryMap;

    @Option(names = "--columns-to-json", paramLabel = "COLS", description = "Comma-separated columns for the json member.")
    String columnsToJson;

    @Option(names = "--max-shard-size", defaultValue = "104857600", description = "Payload bytes per shard (default: ${DEFAULT-VALUE}).")
    long maxShardSize;

    @Option(names = "--megadetector-results-json", paramLabel = "JSON",
            description = "MegaDetector batch output: crop each image around its most confident detection.")
    Path megadetector;

    @Option(names = "--resize-min-size", paramLabel = "N", description = "Resize so the shorter side is N (re-encodes as JPEG q100).")
    Integer resizeMinSize;

    @Option(names = "--random-seed", defaultValue = "42", description = "Seed of the shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shuffle-images", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Shuffle the rows (a seeded permutation) (default: ${DEFAULT-VALUE}).")
    boolean shuffle;

    @Option(names = {"--wandb-entity", "--wandb-project", "--wandb-run"}, paramLabel = "NAME", hidden = true,
            description = "Accepted for compatibility; tol does not log to Weights & Biases.")
    String wandb;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (wandb != null) {
            LoggerFactory.getLogger(GbifWebdatasetCommand.class).warn("--wandb-* options are ignored by tol");
        }
        List<String> cols = columnsToJson == null || columnsToJson.isBlank() ? List.of()
                : Arrays.stream(columnsToJson.split(",")).map(String::trim).toList();
        WebDatasetJob.Summary s = WebDatasetJob.run(annotationsCsv, datasetPath, pattern, new WebDatasetJob.Options(
                imagePathColumn, labelColumn, maxShardSize, shuffle, seed, resizeMinSize, categoryMap, saveCategoryMap,
                cols, megadetector));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d rows: %d samples in %d shard(s); skipped %d missing, %d unreadable, %d unknown label%n",
                    s.rows(), s.written(), s.shards().size(), s.missingFiles(), s.unreadable(), s.unknownLabels());
        }
        return s.written() < s.rows() ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }
}
