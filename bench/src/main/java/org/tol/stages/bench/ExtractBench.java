package org.tol.stages.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.stages.extract.ExtractStage;
import org.tol.stages.lookup.LookupBuilder;
import org.tol.stages.lookup.LookupGroup;
import org.tol.stages.lookup.LookupIndexStage;

/**
 * {@code tol bench extract}: {@code tol extract} of every row of the input (a lookup of {@code --where TRUE}
 * over a fresh index, batches of {@code filesPerBatch} files; not timed) on one rank, in MB/s of input data
 * files, against a plain read of the same files (warm page cache; the plain read runs first).
 */
public final class ExtractBench {
    private ExtractBench() {}

    public record Result(int files, long bytes, long rows, @JsonProperty("extract_seconds") double seconds,
            @JsonProperty("extract_mb_s") double extractMbPerSecond, @JsonProperty("plain_read_mb_s") double plainMbPerSecond,
            @JsonProperty("extract_vs_plain") double ratio) {}

    public static Result run(List<String> inputs, Path work, int filesPerBatch) throws Exception {
        List<InputFile> files = InputFiles.resolve(inputs);
        long bytes = files.stream().mapToLong(InputFile::sizeBytes).sum();
        StageBenchRuns.deleteTree(work);
        Path index = work.resolve("index");
        StageBenchRuns.run(new LookupIndexStage(inputs), index);
        Path lookup = work.resolve("lookup");
        Files.createDirectories(lookup);
        // The index doubles as the attributes table: every row is selected (uuid, row_group, row + path).
        LookupGroup all = new LookupGroup("all", LookupGroup.Source.ATTRIBUTES, false, List.of("uuid", "row_group", "row"),
                null, null, null, "bench");
        new LookupBuilder(new LookupBuilder.Options(List.of(index.toString()), List.of(index.toString()), null, null, all,
                filesPerBatch, 614, "2GB", 2))
                .build(Files.createDirectories(work.resolve("duckdb-tmp")), rel -> {
                    Path f = lookup.resolve(rel);
                    Files.createDirectories(f.getParent());
                    return f;
                });
        List<Path> paths = files.stream().map(InputFile::path).toList();
        StageBenchRuns.plainReadBytesPerSecond(paths); // warm the page cache
        double plain = StageBenchRuns.plainReadBytesPerSecond(paths);
        Path out = work.resolve("extracted");
        long t0 = System.nanoTime();
        StageBenchRuns.run(new ExtractStage(lookup, 1L << 30), out);
        double secs = (System.nanoTime() - t0) / 1e9;
        long rows = org.tol.checkpoint.DoneState.load(new org.tol.checkpoint.OutLayout(out)).stageCommits().values()
                .stream().mapToLong(r -> r.rows() == null ? 0 : r.rows()).sum();
        StageBenchRuns.deleteTree(work);
        double mbs = bytes / secs / 1e6;
        return new Result(files.size(), bytes, rows, secs, mbs, plain / 1e6, mbs / (plain / 1e6));
    }
}
