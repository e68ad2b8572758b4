package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
