package org.tol.runtime.mpj;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.filter.FilterFactory;
import org.tol.runtime.RankBody;
import org.tol.runtime.RankRunner;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.exec.StopFlag;

/** Starts the ranks under MPJ Express as {@code --mpj} asks; null when MPJ cannot be used (caller falls back). */
public final class MpjLaunch {
    private static final Logger LOG = LoggerFactory.getLogger(MpjLaunch.class);

    private MpjLaunch() {}

    public static Integer run(MpjMode mode, RuntimeConfig config, Map<String, String> env, StopFlag stop,
            String filterName, FilterFactory factory) throws Exception {
        return run(mode, config, env, stop,
                (c, ctx, coordinator, st, e) -> new RankRunner(c, ctx, coordinator, st, e).run(filterName, factory));
    }

    /** Same for any rank body (a filter's {@code RankRunner}, a stage's {@code StageRunner}). */
    public static Integer run(MpjMode mode, RuntimeConfig config, Map<String, String> env, StopFlag stop,
            RankBody body) throws Exception {
        MpjLocator.MpjJars jars = MpjLocator.locate(env);
        if (jars == null) {
            return null;
        }
        LOG.info("MPJ Express from {}", jars.libDir());
        if (env.get("MPJ_HOME") == null) {
            MpjNoiseFilter.install();
        }
        return switch (mode.kind()) {
            case MULTICORE -> MulticoreLauncher.run(jars, mode.ranks(), config, env, stop, body);
            case NIODEV -> NiodevLauncher.run(jars, config, env, stop, body);
            case NONE -> null;
        };
    }
}
