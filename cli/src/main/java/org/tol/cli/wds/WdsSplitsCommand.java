package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.wds.SplitsJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol wds splits}: reproducible val/train/train_small in the split table. */
@Command(name = "splits", mixinStandardHelpOptions = true,
        description = "Fills mapping.sqlite's split table like make_splits.py (per source table: val% of ids, then "
                + "train_small% of train), choosing ids by SHA-256(seed, id) so every machine and rerun agrees; "
                + "rerunning replaces the table.")
public final class WdsSplitsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "SQLITE", description = "mapping.sqlite")
    Path db;

    @Option(names = "--seed", defaultValue = "17", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--val-split", defaultValue = "5", paramLabel = "PCT", description = "Percent of ids for val (default: ${DEFAULT-VALUE}).")
    int valSplit;

    @Option(names = "--train-small-split", defaultValue = "10", paramLabel = "PCT",
            description = "Percent of train for train_small (default: ${DEFAULT-VALUE}, as the documented v3.3 run; make_splits.py's own default is 5).")
    int trainSmallSplit;

    @Option(names = "--json", description = "Print the counts as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, SplitsJob.TableSplit> r = SplitsJob.run(db, seed, valSplit, trainSmallSplit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            r.forEach((t, s) -> out.printf("%-8s %d ids: val %d, train %d, train_small %d%n", t, s.ids(), s.val(),
                    s.train(), s.trainSmall()));
        }
        return ExitCodes.OK;
    }
}
