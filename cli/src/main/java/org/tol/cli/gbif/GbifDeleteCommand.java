package org.tol.cli.gbif;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.tools.DeleteJob;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif delete}: ami-dataset delete-images. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes the files listed in the first column of a CSV (header skipped), e.g. RESULTS.error.csv "
                + "of 'tol gbif verify'. With --base-path, names are relative to it and may not leave it.")
public final class GbifDeleteCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--error-images-csv", required = true, paramLabel = "CSV", description = "Files to delete.")
    Path errorCsv;

    @Option(names = "--base-path", paramLabel = "DIR", description = "Root the listed paths are relative to.")
    Path basePath;

    @Option(names = "--dry-run", description = "List what would be deleted, delete nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DeleteJob.Summary s = DeleteJob.run(errorCsv, basePath, dryRun);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d listed: %d %s, %d absent, %d refused (outside --base-path)%n", s.listed(), s.deleted(),
                    dryRun ? "would be deleted" : "deleted", s.absent(), s.refused());
        }
        return ExitCodes.OK;
    }
}
