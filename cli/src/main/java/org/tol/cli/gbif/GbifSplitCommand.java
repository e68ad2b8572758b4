package org.tol.cli.gbif;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.tools.SplitJob;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif split}: ami-dataset split-dataset, deterministic for a seed. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Splits a dataset CSV into PREFIX/train.csv, val.csv, test.csv (stratified by category, by "
                + "occurrence by default, capped per category; the same seed gives the same files).")
public final class GbifSplitCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset-csv", required = true, paramLabel = "CSV", description = "e.g. the _clean.csv of 'tol gbif clean'.")
    Path datasetCsv;

    @Option(names = "--split-prefix", required = true, paramLabel = "DIR", description = "Folder for train/val/test.csv (created).")
    Path splitPrefix;

    @Option(names = "--category-key", defaultValue = "acceptedTaxonKey", description = "Category column (default: ${DEFAULT-VALUE}).")
    String categoryKey;

    @Option(names = "--max-instances", defaultValue = "1000",
            description = "Train images per category at most (val/test: x frac); <= 0 disables (default: ${DEFAULT-VALUE}).")
    int maxInstances;

    @Option(names = "--min-instances", defaultValue = "0",
            description = "Drop categories with fewer train images from all splits (default: ${DEFAULT-VALUE}).")
    int minInstances;

    @Option(names = "--random-seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split-by-occurrence", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Keep all images of an occurrence in one split (default: ${DEFAULT-VALUE}).")
    boolean byOccurrence;

    @Option(names = "--test-frac", defaultValue = "0.2", description = "Test fraction (default: ${DEFAULT-VALUE}).")
    double testFrac;

    @Option(names = "--val-frac", defaultValue = "0.1", description = "Validation fraction (default: ${DEFAULT-VALUE}).")
    double valFrac;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SplitJob.Summary s = SplitJob.run(datasetCsv, splitPrefix, new SplitJob.Options(categoryKey, maxInstances,
                minInstances, seed, byOccurrence, testFrac, valFrac));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d rows: train %d, val %d, test %d -> %s%n", s.rows(), s.train(), s.val(), s.test(), s.files());
        }
        return ExitCodes.OK;
    }
}
