package org.tol.stages.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tol.io.image.ImageEncoder;
import org.tol.stages.decode.DecodeStage;

/**
 * {@code tol bench decode}: {@code tol decode} of the input on one rank (one core: a rank decodes and encodes
 * on its own thread) as JPEG (quality 95) and PNG, each into a tar per file (so file-system metadata does not
 * dominate) and as loose files, in images/s, after one untimed warm-up pass. The time includes the stage's
 * start (plan, the uuid scan for repeated names) and the commit of every file (fsync + rename).
 */
public final class DecodeBench {
    private DecodeBench() {}

    public record Result(String format, String archive, long images, double seconds,
            @JsonProperty("images_s_per_core") double imagesPerSecond) {}

    public static List<Result> run(List<String> inputs, Path work) throws Exception {
        List<Result> out = new ArrayList<>();
        // Untimed warm-up: loads OpenCV's natives and DuckDB (the repeat scan), and compiles the hot code.
        Path warm = work.resolve("warm-up");
        StageBenchRuns.run(new DecodeStage(inputs, warm, ImageEncoder.Format.JPEG, 95, DecodeStage.Archive.TAR), warm);
        StageBenchRuns.deleteTree(warm);
        for (ImageEncoder.Format f : List.of(ImageEncoder.Format.JPEG, ImageEncoder.Format.PNG)) {
            for (DecodeStage.Archive a : List.of(DecodeStage.Archive.TAR, DecodeStage.Archive.NONE)) {
                Path dir = work.resolve(f + "-" + a);
                StageBenchRuns.deleteTree(dir);
                long t0 = System.nanoTime();
                StageBenchRuns.run(new DecodeStage(inputs, dir, f, 95, a), dir);
                double secs = (System.nanoTime() - t0) / 1e9;
                long images = org.tol.checkpoint.DoneState.load(new org.tol.checkpoint.OutLayout(dir)).stageCommits()
                        .values().stream().mapToLong(r -> r.rows() - (r.failures() == null ? 0 : r.failures().size()))
                        .sum();
                StageBenchRuns.deleteTree(dir);
                out.add(new Result(f.name().toLowerCase(java.util.Locale.ROOT), a.name().toLowerCase(java.util.Locale.ROOT),
                        images, secs, images / secs));
            }
        }
        return out;
    }
}
