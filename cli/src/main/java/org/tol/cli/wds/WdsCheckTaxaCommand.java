package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.wds.CheckTaxa;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol wds check-taxa}: check_taxa.py's five checks; exit 3 when any warns. */
@Command(name = "check-taxa", mixinStandardHelpOptions = true,
        description = {"The five checks of bioclip's check_taxa.py on a catalog: number of kingdoms (3), hierarchy "
                + "gaps, multi-word species, '(unidentified)' species, null common names (train_small rows ignored).",
            "Prints the warnings (or --json: the report); exit 3 when any check warns."})
public final class WdsCheckTaxaCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CATALOG", description = "catalog.csv")
    Path catalog;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CheckTaxa.Report r = CheckTaxa.run(catalog);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("%d rows, %d kingdoms: %s%n", r.rows(), r.kingdoms(), r.ok() ? "all checks pass" : r.warnings().size() + " warnings");
            r.warnings().forEach(w -> out.println("  WARNING " + w.message()));
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
