package org.tol.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.filter.FilterFactory;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageFactory;
import org.tol.runtime.exec.SignalHandlers;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.mpj.MpjLaunch;
import org.tol.runtime.mpj.MpjMode;
import org.tol.runtime.stage.StageRunner;

/**
 * The one entry point filter and stage commands use: works out who this process is (flags, SLURM, torchrun, MPJ),
 * installs the signal handlers, and runs the rank (or, for {@code --mpj multicore:N}, N rank threads).
 */
public final class RuntimeLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeLauncher.class);
    private static final StopFlag JVM_STOP = SignalHandlers.jvmStopFlag();

    private RuntimeLauncher() {}

    /** The process-wide stop flag the signal handlers set. */
    public static StopFlag stopFlag() {
        return JVM_STOP;
    }

    public static int run(RuntimeConfig config, Integer rankFlag, Integer worldFlag, String mpj, String filterName,
            FilterFactory factory) {
        return launch(config, rankFlag, worldFlag, mpj, "filter '" + filterName + "'",
                (c, ctx, coordinator, stop, env) -> new RankRunner(c, ctx, coordinator, stop, env).run(filterName, factory));
    }

    /** Runs a {@link Stage} on the same ranks, plan, locks, commits and signals as a filter. */
    public static int runStage(RuntimeConfig config, Integer rankFlag, Integer worldFlag, String mpj,
            StageFactory factory) {
        return launch(config, rankFlag, worldFlag, mpj, "stage", (c, ctx, coordinator, stop, env) -> {
            try (Stage stage = factory.create()) {
                return new StageRunner(c, ctx, coordinator, stop, env).run(stage);
            }
        });
    }

    private static int launch(RuntimeConfig config, Integer rankFlag, Integer worldFlag, String mpj, String what,
            RankBody body) {
        Map<String, String> env = System.getenv();
        installHandlers(config.graceSeconds());
        MpjMode mode = MpjMode.parse(mpj);
        try {
            if (mode.kind() != MpjMode.Kind.NONE) {
                Integer code = MpjLaunch.run(mode, config, env, JVM_STOP, body);
                if (code != null) {
                    return code;
                }
                LOG.warn("MPJ Express could not be loaded: falling back to the static LPT plan from the environment");
            }
            RankContext ctx = RankContext.detect(env, rankFlag, worldFlag);
            return body.run(config, ctx, new StaticCoordinator(), JVM_STOP, env);
        } catch (TolException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new TolException("I/O error: " + e.getMessage(),
                    "check that the output directory is writable and the inputs readable; rerun to resume",
                    ExitCodes.FAILURE, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TolException(what + " failed: " + e, null, ExitCodes.FAILURE, e);
        }
    }

    private static void installHandlers(int graceSeconds) {
        SignalHandlers.installOnce(graceSeconds);
    }
}
