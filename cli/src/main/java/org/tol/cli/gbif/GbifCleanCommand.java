package org.tol.cli.gbif;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.GbifImages;
import org.tol.gbif.tools.CleanJob;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif clean}: ami-dataset clean-dataset. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Joins the verified images with the DwC-A (and life-stage predictions), then drops, in order: "
                + "images whose URL occurs more than once, listed datasetKeys, thumbnails, non-adults. Writes "
                + "<verified csv without .csv>_clean.csv.",
            "Boolean options take an explicit true/false, as in the reference."})
public final class GbifCleanCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dwca-file", required = true, paramLabel = "DWCA", description = "Darwin Core Archive (zip or folder).")
    Path dwcaFile;

    @Option(names = "--verified-data-csv", required = true, paramLabel = "CSV", description = "Results of 'tol gbif verify'.")
    Path verifiedCsv;

    @Option(names = "--ignore-dataset-by-key", defaultValue = CleanJob.DEFAULT_IGNORED, paramLabel = "KEYS",
            description = "Comma-separated datasetKeys to drop; \"\" drops none (default: ${DEFAULT-VALUE}).")
    String ignoreKeys;

    @Option(names = "--life-stage-predictions", paramLabel = "CSV",
            description = "CSV with image_path and life_stage_prediction (ami-dataset predict-lifestage output).")
    Path predictions;

    @Option(names = "--thumb-size", defaultValue = "64", description = "Smallest width and height kept (default: ${DEFAULT-VALUE}).")
    int thumbSize;

    @Option(names = "--remove-duplicate-url", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Drop every image whose URL occurs more than once (default: ${DEFAULT-VALUE}).")
    boolean removeDuplicateUrl;

    @Option(names = "--remove-non-adults", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Keep only lifeStage Adult/Imago or a predicted Adult (default: ${DEFAULT-VALUE}).")
    boolean removeNonAdults;

    @Option(names = {"--remove-thumbnails", "--remove-tumbnails"}, arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Drop images smaller than --thumb-size (the reference spells it --remove-tumbnails) (default: ${DEFAULT-VALUE}).")
    boolean removeThumbnails;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CleanJob.Summary s = CleanJob.run(GbifImages.load(dwcaFile).images(), verifiedCsv, predictions,
                new CleanJob.Options(removeDuplicateUrl, ignoreKeys, removeThumbnails, thumbSize, removeNonAdults));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d verified images: %d duplicate URL, %d ignored dataset, %d thumbnails, %d non-adult "
                    + "(%d without lifeStage) removed; %d kept -> %s%n", s.verified(), s.duplicateUrl(),
                    s.ignoredDataset(), s.thumbnails(), s.nonAdult(), s.noLifeStage(), s.kept(), s.output());
        }
        return ExitCodes.OK;
    }
}
