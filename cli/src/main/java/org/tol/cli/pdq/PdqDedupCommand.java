package org.tol.cli.pdq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.pdq.PdqDedupJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol pdq dedup}: near-duplicate clusters within one corpus, one representative each. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = {"Clusters near-duplicate hashes within one corpus and keeps one representative per cluster "
                + "(highest quality, then smallest uuid).",
            "Writes OUT/clusters.parquet, OUT/exclude.parquet (uuid, reason) and OUT/summary.json."})
public final class PdqDedupCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "IN",
            description = "Hash outputs of 'tol pdq hash' (Parquet files, folders, .txt or Parquet path lists).")
    List<String> input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @Option(names = "--min-quality", defaultValue = "50", paramLabel = "Q",
            description = "Hashes of lower PDQ quality are reported as low quality (default: ${DEFAULT-VALUE}; "
                    + "Meta calls 49 or less unreliable).")
    int minQuality;

    @Option(names = "--exclude-low-quality", description = "Also list low-quality hashes in exclude.parquet.")
    boolean excludeLowQuality;

    @CommandLine.Mixin PdqSearchOptions search;

    @Override
    public Integer call() throws Exception {
        PdqDedupJob.Summary s = PdqDedupJob.run(input, search.maxDistance(), minQuality, excludeLowQuality, output,
                search.threads());
        PrintWriter out = spec.commandLine().getOut();
        if (search.json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d hashes, T=%d: %d near-duplicate pairs in %d clusters; %d near-duplicates to exclude; "
                    + "%d below quality %d%s -> %s%n", s.hashes(), s.maxDistance(), s.pairs(), s.duplicateClusters(),
                    s.nearDuplicatesExcluded(), s.lowQuality(), s.minQuality(),
                    s.lowQualityExcluded() ? " (excluded)" : " (kept)", output);
        }
        return ExitCodes.OK;
    }
}
