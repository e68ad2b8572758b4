package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime output directory must not contribute each hash two or three times. */
class PdqHashInputsTest {
    @TempDir Path dir;

    @Test
    void runOutputResolvesToPartsThenToTheCollectedFile() throws Exception {
        Files.writeString(dir.resolve("run.json"), "{}");
        Path parts = Files.createDirectories(dir.resolve("checkpoints_rank0"));
        Files.writeString(parts.resolve("part-b.parquet"), "");
        Files.writeString(parts.resolve("part-a.parquet"), "");
        Files.writeString(parts.resolve("manifest.jsonl"), "");
        Files.writeString(dir.resolve("predictions_rank0.parquet"), "");
        Files.writeString(dir.resolve("predictions_rank1.parquet"), "");
        assertEquals(List.of(parts.resolve("part-a.parquet"), parts.resolve("part-b.parquet"),
                dir.resolve("predictions_rank1.parquet")), PdqHashInputs.resolve(List.of(dir.toString())));
        Files.writeString(dir.resolve("predictions.parquet"), "");
        assertEquals(List.of(dir.resolve("predictions.parquet")), PdqHashInputs.resolve(List.of(dir.toString())));
    }

    @Test
    void otherFoldersResolveToEveryParquetFile() throws Exception {
        Files.createDirectories(dir.resolve("x"));
        Files.writeString(dir.resolve("x/b.parquet"), "");
        Files.writeString(dir.resolve("a.parquet"), "");
        assertEquals(List.of(dir.resolve("a.parquet"), dir.resolve("x/b.parquet")),
                PdqHashInputs.resolve(List.of(dir.toString())));
    }
}
