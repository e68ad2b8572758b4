package org.tol.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a run keeps its files under OUT. The names follow the reference pipeline
 * ({@code checkpoints_rank{R}/}, {@code logs/processed_files_rank{R}.log}, {@code predictions_rank{R}.parquet})
 * so existing tooling that globs those names keeps working; the rest is ours.
 */
public record OutLayout(Path root) {
    private static final Pattern RANK_IN_NAME =
            Pattern.compile("(?:checkpoints_rank|processed_files_rank|failed_files_rank|predictions_rank|rank)(\\d+)(?:\\.\\w+)?");

    public Path runFile() {
        return root.resolve("run.json");
    }

    /** The manifest's file name in every checkpoint directory. */
    public static final String MANIFEST = "manifest.jsonl";

    /** Parts tol wrote from a reference run's rows (one-time import at the first start in a reference OUT). */
    public Path importDir() {
        return root.resolve("checkpoints_import");
    }

    /** Where the files of a reference run are moved before tol starts in the same OUT (never deleted). */
    public Path referenceAside() {
        return root.resolve("reference-run");
    }

    public Path checkpointDir(int rank) {
        return root.resolve("checkpoints_rank" + rank);
    }

    public Path manifest(int rank) {
        return checkpointDir(rank).resolve(MANIFEST);
    }

    /** A stage's unit records (intent, then commit): {@code checkpoints_rank{R}/outputs.jsonl}. */
    public Path stageManifest(int rank) {
        return checkpointDir(rank).resolve("outputs.jsonl");
    }

    /** Where rank R's stage writes a unit's files before they are committed (emptied on every start). */
    public Path staging(int rank) {
        return checkpointDir(rank).resolve("staging");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path processedLog(int rank) {
        return logsDir().resolve("processed_files_rank" + rank + ".log");
    }

    public Path failedLog(int rank) {
        return logsDir().resolve("failed_files_rank" + rank + ".log");
    }

    public Path predictions(int rank) {
        return root.resolve("predictions_rank" + rank + ".parquet");
    }

    public Path statsDir() {
        return root.resolve("stats");
    }

    public Path stats(int rank) {
        return statsDir().resolve("rank" + rank + ".json");
    }

    public Path locksDir() {
        return root.resolve("locks");
    }

    public Path lock(int rank) {
        return locksDir().resolve("rank" + rank + ".lock");
    }

    public Path collected() {
        return root.resolve("predictions.parquet");
    }

    public Path failures() {
        return root.resolve("failures.parquet");
    }

    /** The run's embeddings in clip-retrieval's layout (written by collect). */
    public Path embeddings() {
        return root.resolve("embeddings");
    }

    /** Rank R's embeddings in clip-retrieval's layout (written when the rank has no work left). */
    public Path embeddings(int rank) {
        return root.resolve("embeddings_rank" + rank);
    }

    public Path summary() {
        return root.resolve("summary.json");
    }

    /**
     * Every rank number that left any trace in OUT (checkpoint dir, log, predictions or stats), from this or
     * an earlier run with another rank count. Resume and collect must look at all of them, not 0..N-1.
     */
    public List<Integer> ranksPresent() throws IOException {
        TreeSet<Integer> ranks = new TreeSet<>();
        for (Path dir : List.of(root, logsDir(), statsDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> {
                    Matcher m = RANK_IN_NAME.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        ranks.add(Integer.parseInt(m.group(1)));
                    }
                });
            }
        }
        return new ArrayList<>(ranks);
    }
}
