package org.tol.runtime.mpj;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.filter.FilterFactory;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.exec.StopFlag;

/**
 * {@code --mpj niodev} (one JVM per srun task). MPJ 0.44's niodev learns its peers from an MPJ runtime server
 * ({@code #Server Name}/{@code #Server Port} in its config) whose wire protocol tol does not implement yet, so
 * this returns null and the caller falls back to the static LPT plan, which is exact and resumable too, only
 * without the dynamic queue.
 */
final class NiodevLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(NiodevLauncher.class);

    private NiodevLauncher() {}

    static Integer run(MpjLocator.MpjJars jars, RuntimeConfig config, Map<String, String> env, StopFlag stop,
            String filterName, FilterFactory factory) {
        LOG.warn("--mpj niodev is not supported by this build (MPJ's niodev rendezvous is not implemented); "
                + "using the static LPT plan from the SLURM variables instead");
        return null;
    }
}
