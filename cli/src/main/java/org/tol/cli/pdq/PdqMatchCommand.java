package org.tol.cli.pdq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.pdq.PdqMatchJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol pdq match}: every (query, corpus) pair within a Hamming distance, and the corpus uuids to exclude. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Finds every query/corpus hash pair within --max-distance bits (exact, multi-index hashing).",
            "Writes OUT/pairs.parquet (query_uuid, corpus_uuid, distance), OUT/exclude.parquet (corpus uuids) and "
                    + "OUT/summary.json."})
public final class PdqMatchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--query", required = true, split = ",", paramLabel = "Q",
            description = "Hash outputs of 'tol pdq hash' (Parquet files, folders, .txt or Parquet path lists), e.g. the test set.")
    List<String> query;

    @Option(names = "--corpus", required = true, split = ",", paramLabel = "C",
            description = "Hash outputs to search, e.g. the training set; matched uuids go to exclude.parquet.")
    List<String> corpus;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @CommandLine.Mixin PdqSearchOptions search;

    @Override
    public Integer call() throws Exception {
        PdqMatchJob.Summary s = PdqMatchJob.run(query, corpus, search.maxDistance(), output, search.threads());
        PrintWriter out = spec.commandLine().getOut();
        if (search.json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d queries x %d corpus hashes, T=%d: %d pairs, %d queries matched, %d corpus uuids to exclude "
                    + "(%.0f hashes/s through the %s index) -> %s%n", s.queries(), s.corpus(), s.maxDistance(), s.pairs(),
                    s.queriesMatched(), s.excluded(), s.hashesPerSecond(), s.indexed(), output);
        }
        return ExitCodes.OK;
    }
}
