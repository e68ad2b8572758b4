package org.tol.models.djl;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares DJL before its first use: offline mode (the libtorch CPU natives come from the
 * {@code pytorch-native-cpu} jar; nothing is downloaded) and the cache dir under tol's cache, so the ~200 MB
 * libtorch is unpacked once per node rather than into {@code ~/.djl.ai} of every user.
 */
final class PtEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(PtEnvironment.class);
    private static Engine engine;

    private PtEnvironment() {}

    static synchronized Engine engine() {
        if (engine == null) {
            if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            String cache = System.getProperty("tol.cache.dir");
            if (cache != null && System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                System.setProperty("DJL_CACHE_DIR", Path.of(cache, "djl").toString());
            }
            // DJL's default engine lookup would also scan for MXNet/TensorFlow; ask for PyTorch by name.
            engine = Engine.getEngine("PyTorch");
            LOG.debug("DJL {} with PyTorch {} loaded", Engine.getDjlVersion(), engine.getVersion());
        }
        return engine;
    }
}
