package org.tol.stages.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tol.api.stage.Stage;
import org.tol.runtime.RankContext;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.StaticCoordinator;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.stage.StageRunner;

/** Runs a stage on one rank in this JVM, and lists an OUT's output files for comparisons. */
public final class StageRuns {
    private StageRuns() {}

    public static int run(Stage stage, Path out) throws Exception {
        return run(stage, out, false);
    }

    /** As {@link #run(Stage, Path)}, with {@code --replan} as given. */
    public static int run(Stage stage, Path out, boolean replan) throws Exception {
        RuntimeConfig config = new RuntimeConfig(List.of("in"), out, "cpu", 0, 1, 1, 0, 1, 5, 3600, false, false, 300,
                replan);
        try (stage) {
            return new StageRunner(config, RankContext.single(), new StaticCoordinator(), new StopFlag()).run(stage);
        }
    }

    /** OUT-relative path → bytes of every output file (run bookkeeping excluded). */
    public static Map<String, byte[]> outputs(Path out) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (rel.startsWith("checkpoints_rank") || rel.startsWith("logs/") || rel.startsWith("stats/")
                        || rel.startsWith("locks/") || rel.equals("run.json")) {
                    continue;
                }
                m.put(rel, Files.readAllBytes(p));
            }
        }
        return m;
    }
}
