package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.wds.MappingJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol wds mapping}: mapping.sqlite from a published catalog.csv. */
@Command(name = "mapping", mixinStandardHelpOptions = true,
        description = "Builds the reproduce database mapping.sqlite (eol, inat21, bioscan and split tables) from a "
                + "published catalog.csv, keeping its ids and splits.")
public final class WdsMappingCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", required = true, paramLabel = "CSV", description = "catalog.csv")
    Path catalog;

    @Option(names = "--output", required = true, paramLabel = "SQLITE", description = "mapping.sqlite to write")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing output file.")
    boolean overwrite;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MappingJob.Summary s = MappingJob.run(catalog, output, overwrite);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d catalog rows -> %s: %s, %d val, %d train_small, %d rows without a source%n", s.rows(),
                    s.db(), s.byTable(), s.val(), s.trainSmall(), s.noSource());
        }
        return s.noSource() == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
