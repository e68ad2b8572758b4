package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;

class RunStoreTest {
    @TempDir Path tmp;

    @Test
    void storedPlanIsReusedAndOtherFiltersOrParametersAreRefused() throws Exception {
        OutLayout out = new OutLayout(tmp);
        RunPlan plan = new RunPlan("clip", Map.of("model_sha256", "abc"), List.of("/in"),
                List.of(new WorkUnit("x.parquet", "/in/x.parquet", 7, 0, -1)));
        assertEquals(plan, RunStore.loadOrCreate(out, "clip", Map.of("model_sha256", "abc"), () -> plan));
        // A second start must not re-plan (the listing could have changed): the stored plan wins.
        RunPlan again = RunStore.loadOrCreate(out, "clip", Map.of("model_sha256", "abc"), () -> {
            throw new AssertionError("re-planned");
        });
        assertEquals(plan, again);

        TolException otherFilter = assertThrows(TolException.class,
                () -> RunStore.loadOrCreate(out, "megadetector", Map.of(), () -> plan));
        assertEquals(ExitCodes.USAGE, otherFilter.exitCode());
        TolException otherParams = assertThrows(TolException.class,
                () -> RunStore.loadOrCreate(out, "clip", Map.of("model_sha256", "def"), () -> plan));
        assertEquals(ExitCodes.USAGE, otherParams.exitCode());
    }

    @Test
    void aFingerprintMismatchNamesOnlyTheDifferingKeysWithBothSidesInOneOrder() throws Exception {
        OutLayout out = new OutLayout(tmp);
        Map<String, String> stored = new java.util.LinkedHashMap<>();
        stored.put("top_k", "1");
        stored.put("model_digest", "aaa");
        stored.put("engine", "onnx");
        RunPlan plan = new RunPlan("clip", stored, List.of("/in"), List.of(new WorkUnit("x.parquet", "/in/x.parquet", 7, 0, -1)));
        RunStore.loadOrCreate(out, "clip", stored, () -> plan);
        Map<String, String> now = new java.util.LinkedHashMap<>();
        now.put("engine", "onnx");
        now.put("model_digest", "bbb");
        now.put("top_k", "3");
        now.put("image_size", "336");
        TolException e = assertThrows(TolException.class, () -> RunStore.loadOrCreate(out, "clip", now, () -> plan));
        assertTrue(e.getMessage().endsWith("with different parameters: image_size: stored (none), now 336; "
                + "model_digest: stored aaa, now bbb; top_k: stored 1, now 3"), e.getMessage());
    }
}
