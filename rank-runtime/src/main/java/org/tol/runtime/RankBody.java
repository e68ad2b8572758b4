package org.tol.runtime;

import java.util.Map;
import org.tol.runtime.exec.StopFlag;

/** What one rank runs once its identity and coordinator are known: a filter's or a stage's rank. */
@FunctionalInterface
public interface RankBody {
    int run(RuntimeConfig config, RankContext ctx, Coordinator coordinator, StopFlag stop, Map<String, String> env)
            throws Exception;
}
