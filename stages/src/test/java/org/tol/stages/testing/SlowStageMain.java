package org.tol.stages.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.io.image.ImageEncoder;
import org.tol.stages.decode.DecodeStage;
import org.tol.stages.extract.ExtractStage;

/**
 * A child process for kill -9 tests: runs extract or decode with a pause after each unit's files are written
 * (before the runtime commits them), so the parent can kill it with units committed, staged and not started.
 * Args: {@code extract LOOKUP OUT} or {@code decode IN OUT}.
 */
public final class SlowStageMain {
    private SlowStageMain() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[2]);
        Stage inner = create(args[0], args[1], out);
        Stage slow = new Stage() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public Map<String, String> fingerprint() {
                return inner.fingerprint();
            }

            @Override
            public List<String> inputs() {
                return inner.inputs();
            }

            @Override
            public List<StageUnit> plan() throws Exception {
                return inner.plan();
            }

            @Override
            public UnitResult run(StageUnit unit, UnitOutput o) throws Exception {
                UnitResult r = inner.run(unit, o);
                Thread.sleep(400);
                return r;
            }
        };
        System.exit(StageRuns.run(slow, out));
    }

    public static Stage create(String kind, String in, Path out) {
        return switch (kind) {
            case "extract" -> new ExtractStage(Path.of(in), 100_000);
            case "decode" -> new DecodeStage(List.of(in), out, ImageEncoder.Format.PNG, 95, DecodeStage.Archive.NONE);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
