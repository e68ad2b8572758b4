package org.tol.cli.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.cli.StageOptions;
import org.tol.stages.extract.CategorizeStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol extract categorize}: extracted rows into {@code OUT/category=<name>/} by the reference's rules. */
@Command(name = "categorize", mixinStandardHelpOptions = true,
        description = "Puts every extracted row in OUT/category=<name>/ by the reference's 12 ordered museum-specimen"
                + " rules (first match wins; names as the reference spells them), at most N rows a file.")
public final class ExtractCategorizeCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "EXTRACTED",
            description = "Output of tol extract (or any Parquet with kingdom, phylum, class, order).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @Option(names = "--rules", defaultValue = "museum-specimen", paramLabel = "RULES",
            description = "Rule set: museum-specimen (default: ${DEFAULT-VALUE}).")
    String rules;

    @Option(names = "--max-records-per-file", defaultValue = "1500", paramLabel = "N",
            description = "Rows per output file at most (default: ${DEFAULT-VALUE}).")
    int maxRecords;

    @Mixin StageOptions stage;

    @Override
    public Integer call() {
        new CategorizeStage(inputs, rules, maxRecords); // option errors before any rank starts
        return stage.run(inputs, output, () -> new CategorizeStage(inputs, rules, maxRecords));
    }
}
