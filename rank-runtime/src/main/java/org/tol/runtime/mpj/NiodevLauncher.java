package org.tol.runtime.mpj;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.runtime.RankContext;
import org.tol.runtime.RankBody;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.exec.StopFlag;

/**
 * {@code --mpj niodev}: this JVM is one rank of an srun step (rank and size from SLURM variables), and MPJ's
 * TCP device links the ranks. Rank 0 serves the peer-table rendezvous on the first host of
 * {@code SLURM_JOB_NODELIST} (where SLURM puts task 0) at a port derived from the job id, or
 * {@code TOL_MPJ_PORT}; the others wait for it, then all call {@code MPI.Init}.
 */
final class NiodevLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(NiodevLauncher.class);
    private static final int PROTOCOL_SWITCH_LIMIT = 128 * 1024;

    private NiodevLauncher() {}

    static Integer run(MpjLocator.MpjJars jars, RuntimeConfig config, Map<String, String> env, StopFlag stop,
            RankBody body) throws Exception {
        RankContext slurm = RankContext.detect(env, null, null);
        if (!"slurm".equals(slurm.source())) {
            LOG.warn("--mpj niodev needs the SLURM task variables (run it under srun or 'tol launch')");
            return null;
        }
        String host = SlurmHosts.first(env.get("SLURM_JOB_NODELIST"));
        int port = port(env, slurm.jobId());
        NiodevRendezvous rendezvous = null;
        if (slurm.rank() == 0) {
            rendezvous = new NiodevRendezvous(port, slurm.worldSize());
        } else {
            NiodevRendezvous.awaitServer(host, port, 120_000);
        }
        try {
            URLClassLoader shared = new URLClassLoader("mpj-shared", jars.shared().toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            URLClassLoader rankLoader = new URLClassLoader("mpj-rank", jars.perRank().toArray(URL[]::new), shared);
            Thread.currentThread().setContextClassLoader(rankLoader);
            String conf = "#Number of Processes;" + slurm.worldSize() + ";#Protocol Switch Limit;" + PROTOCOL_SWITCH_LIMIT
                    + ";#Server Name;" + host + ";#Server Port;" + port;
            MpjComm comm = MpjComm.init(rankLoader, new String[] {String.valueOf(slurm.rank()), conf, "niodev"});
            if (comm.rank() != slurm.rank() || comm.size() != slurm.worldSize()) {
                throw new IllegalStateException("MPJ says rank " + comm.rank() + "/" + comm.size() + ", SLURM says "
                        + slurm.rank() + "/" + slurm.worldSize());
            }
            RankContext ctx = new RankContext(comm.rank(), comm.size(), slurm.localRank(), slurm.nodeId(),
                    slurm.jobId(), "mpj-niodev");
            MpjCoordinator coordinator = new MpjCoordinator(comm, "niodev");
            int code = body.run(config, ctx, coordinator, stop, env);
            if (code != ExitCodes.INTERRUPTED) {
                coordinator.close();
            }
            return code;
        } finally {
            if (rendezvous != null) {
                rendezvous.close();
            }
        }
    }

    static int port(Map<String, String> env, String jobId) {
        String explicit = env.get("TOL_MPJ_PORT");
        if (explicit != null && !explicit.isBlank()) {
            return Integer.parseInt(explicit.trim());
        }
        return 20000 + Math.floorMod(jobId.hashCode(), 20000);
    }
}
