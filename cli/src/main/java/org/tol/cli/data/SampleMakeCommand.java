package org.tol.cli.data;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleManifest;
import org.tol.stages.sample.SampleSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "make", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic TreeOfLife-200M-style data set: DIR/data/source=<s>/server=<v>/data_<n>.parquet "
                + "with raw BGR images, metadata, DIR/attributes/taxonomy.parquet, planted near-duplicates and "
                + "deliberately bad rows listed in DIR/manifest.json. The same seed gives byte-identical files."})
public final class SampleMakeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--files", defaultValue = "4", description = "Parquet files (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--images", defaultValue = "96", description = "Images in total (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bad-rows", defaultValue = "3",
            description = "Deliberately bad rows: size mismatch, empty, truncated JPEG (default: ${DEFAULT-VALUE}).")
    int badRows;

    @Option(names = "--json", description = "Print the manifest as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SampleManifest m = SampleMaker.make(out, new SampleSpec(files, images, seed, badRows));
        if (json) {
            spec.commandLine().getOut().println(Json.pretty(m));
        } else {
            spec.commandLine().getOut().printf("wrote %d images in %d files to %s (%d bad rows, %d near-duplicate pairs; "
                    + "see manifest.json)%n", m.rows(), m.files().size(), out, m.badRows().size(), m.nearDuplicates().size());
        }
        return ExitCodes.OK;
    }
}
