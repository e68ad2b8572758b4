package org.tol.runtime.mpj;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.runtime.RankContext;
import org.tol.runtime.RankBody;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.exec.StopFlag;

/**
 * MPJ Express's multicore device in this JVM: N rank threads, each in an {@code SMPDevProcess} thread group
 * (how smpdev tells ranks apart) and with its own class loader for {@code mpi.jar} + {@code mpjdev.jar} (MPI
 * statics are per rank), over one shared loader holding the device. Each thread runs a full rank.
 */
final class MulticoreLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(MulticoreLauncher.class);

    private MulticoreLauncher() {}

    static int run(MpjLocator.MpjJars jars, int n, RuntimeConfig config, Map<String, String> env, StopFlag stop,
            RankBody body) throws Exception {
        URLClassLoader shared = new URLClassLoader("mpj-shared", jars.shared().toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Class<?> processGroup = shared.loadClass("xdev.smpdev.SMPDevProcess");
        RankContext base = RankContext.detect(Map.of(), null, null);
        AtomicIntegerArray codes = new AtomicIntegerArray(n);
        Throwable[] errors = new Throwable[n];
        Thread[] threads = new Thread[n];
        for (int r = 0; r < n; r++) {
            final int rank = r;
            ThreadGroup group = (ThreadGroup) processGroup.getConstructor(String.class).newInstance("smpdev-process" + r);
            URLClassLoader rankLoader = new URLClassLoader("mpj-rank" + r, jars.perRank().toArray(URL[]::new), shared);
            threads[r] = new Thread(group, () -> {
                Thread.currentThread().setContextClassLoader(rankLoader);
                try {
                    MpjComm comm = MpjComm.init(rankLoader, new String[] {String.valueOf(rank), String.valueOf(n), "smpdev"});
                    RankContext ctx = new RankContext(comm.rank(), comm.size(), comm.rank(), base.nodeId(),
                            base.jobId(), "mpj-multicore");
                    MpjCoordinator coordinator = new MpjCoordinator(comm, "multicore");
                    int code = body.run(config, ctx, coordinator, stop, env);
                    codes.set(rank, code);
                    if (code != ExitCodes.INTERRUPTED) {
                        coordinator.close();
                    }
                } catch (Throwable t) {
                    errors[rank] = t;
                    codes.set(rank, t instanceof TolException te ? te.exitCode() : ExitCodes.FAILURE);
                    LOG.error("rank {} failed: {}", rank, t.toString());
                    stop.stop("rank " + rank + " failed");
                }
            }, String.valueOf(r)); // smpdev reads the rank from the thread name
            threads[r].setDaemon(true);
            threads[r].start();
        }
        for (Thread t : threads) {
            joinOrGiveUp(t, stop, config.graceSeconds());
        }
        for (int r = 0; r < n; r++) {
            if (errors[r] instanceof TolException te) {
                throw te;
            }
        }
        int worst = ExitCodes.OK;
        for (int r = 0; r < n; r++) {
            worst = Worst.of(worst, threads[r].isAlive() ? ExitCodes.INTERRUPTED : codes.get(r));
        }
        return worst;
    }

    /** Waits for a rank thread; once the job is stopping, waits at most the grace period (a peer may hang in MPI). */
    private static void joinOrGiveUp(Thread t, StopFlag stop, int graceSeconds) throws InterruptedException {
        while (t.isAlive()) {
            t.join(200);
            if (stop.stopped()) {
                t.join(Math.max(1, graceSeconds) * 1000L);
                return;
            }
        }
    }
}
