package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.wds.WdsCheckJob;
import org.tol.wds.taxon.TaxonText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol wds check}: truncation, grouping, duplicate keys, incomplete samples, undecodable images. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks WebDataset shards: truncated tars (header, payload, padding), members outside their "
                + "sample, duplicate keys (within and across shards), samples whose members differ from the expected "
                + "set, and with --decode undecodable images; shards tol wrote must match their manifest.",
            "Writes REPORT_DIR/bad-shards.txt and REPORT_DIR/wds-check.json; exit 3 when anything is bad."})
public final class WdsCheckCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "Shard .tar files or directories of them.")
    List<String> shards;

    @Option(names = "--decode", description = "Also decode every jpg/png/webp member.")
    boolean decode;

    @Option(names = "--members", defaultValue = "tol10m", paramLabel = "LIST",
            description = "Expected member extensions: tol10m (jpg + the ten .txt), auto (all seen in the shard), "
                    + "or a comma list such as jpg,cls,json (default: ${DEFAULT-VALUE}).")
    String members;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Shards checked at once (0 = all cores).")
    int threads;

    @Option(names = "--report-dir", defaultValue = ".", paramLabel = "DIR", description = "Where bad-shards.txt and wds-check.json go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        WdsCheckJob.Report r = WdsCheckJob.run(shards, expected(members), decode, t, reportDir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("%d shards, %d samples, %d members: %d bad %s%n", r.shards(), r.samples(), r.members(),
                    r.badShards(), r.problemsByKind());
            r.problems().forEach(c -> out.printf("  %s: %s%n", c.shard(), c.problems().get(0).kind() + " "
                    + (c.problems().get(0).key() == null ? "" : c.problems().get(0).key() + " ")
                    + c.problems().get(0).detail() + (c.problems().size() > 1 ? " (+" + (c.problems().size() - 1)
                    + " more)" : "")));
        }
        return r.badShards() == 0 ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    static Set<String> expected(String spec) {
        return switch (spec) {
            case "auto" -> null;
            case "tol10m" -> {
                Set<String> s = new LinkedHashSet<>(TaxonText.EXTENSIONS);
                s.add("jpg");
                yield s;
            }
            default -> new LinkedHashSet<>(Arrays.asList(spec.split(",")));
        };
    }
}
