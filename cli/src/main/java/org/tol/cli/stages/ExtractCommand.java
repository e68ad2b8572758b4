package org.tol.cli.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.cli.SizeParser;
import org.tol.cli.StageOptions;
import org.tol.stages.extract.ExtractStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol extract}: the images of a lookup table's batches, one unit per batch. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Reads each lookup batch's data files (uuid, original_size, resized_size, image only), keeps the"
                + " batch's uuids once each, attaches the lookup columns and writes OUT/group_id=<k>/part-*.parquet of"
                + " about --target-file-size. Multi-rank; resume is automatic per batch."},
        subcommands = {ExtractCategorizeCommand.class})
public final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--lookup", paramLabel = "LOOKUP_OUT", description = "Output of tol lookup build.")
    Path lookup;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @Option(names = "--target-file-size", defaultValue = "1g", paramLabel = "SIZE",
            description = "Start a new file after about SIZE of image bytes (default: ${DEFAULT-VALUE}).")
    String targetFileSize;

    @Mixin StageOptions stage;

    @Override
    public Integer call() {
        // Not 'required' in picocli: that would also demand them of 'tol extract categorize'.
        if (lookup == null || output == null) {
            throw TolException.usage("tol extract needs --lookup and --output", "see tol extract --help");
        }
        long target = SizeParser.bytes(targetFileSize);
        return stage.run(List.of(lookup.toString()), output, () -> new ExtractStage(lookup, target));
    }
}
