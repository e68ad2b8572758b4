package org.tol.stages.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tol.checkpoint.OutLayout;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;

/**
 * Which Parquet files hold the hashes of an input. A rank-runtime output directory (it has
 * {@code run.json}) holds each row more than once (checkpoint parts, per-rank predictions, the collected
 * file), so it resolves to the collected {@code predictions.parquet} when present, else per rank to its
 * committed checkpoint parts (or its {@code predictions_rank<R>.parquet} when the parts are gone). Anything
 * else resolves like every Parquet input ({@link InputFiles}).
 */
final class PdqHashInputs {
    private PdqHashInputs() {}

    static List<Path> resolve(List<String> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            OutLayout layout = new OutLayout(p);
            if (Files.isDirectory(p) && Files.exists(layout.runFile())) {
                out.addAll(runOutputs(layout));
            } else {
                for (InputFile f : InputFiles.resolve(List.of(in))) {
                    out.add(f.path());
                }
            }
        }
        return out;
    }

    private static List<Path> runOutputs(OutLayout layout) throws IOException {
        if (Files.exists(layout.collected())) {
            org.tol.runtime.collect.PartialCollect.warning(layout.summary())
                    .ifPresent(w -> org.slf4j.LoggerFactory.getLogger(PdqHashInputs.class).warn(w));
            return List.of(layout.collected());
        }
        List<Path> out = new ArrayList<>();
        for (int rank : layout.ranksPresent()) {
            List<Path> parts = new ArrayList<>();
            if (Files.isDirectory(layout.checkpointDir(rank))) {
                try (Stream<Path> s = Files.list(layout.checkpointDir(rank))) {
                    s.filter(f -> {
                        String n = f.getFileName().toString();
                        return n.startsWith("part-") && n.endsWith(".parquet");
                    }).sorted().forEach(parts::add);
                }
            }
            if (parts.isEmpty() && Files.exists(layout.predictions(rank))) {
                parts.add(layout.predictions(rank));
            }
            out.addAll(parts);
        }
        return out;
    }
}
