package org.tol.runtime.mpj;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.checkpoint.DoneState;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.json.Json;
import org.tol.runtime.Coordinator;
import org.tol.runtime.RankContext;

/**
 * MPJ Express coordination. Rank 0 lists and plans once and broadcasts the plan (no N-fold scans of a parallel
 * file system); it then serves a largest-first queue of the units not yet done, and every rank (rank 0's own
 * worker included) asks for its next unit when it finishes one, so no rank idles while another has a backlog.
 * At the end rank 0 gathers every rank's stats, and a barrier tells it all work is over (for {@code --collect}).
 *
 * <p>Only one thread of a rank talks MPI at a time: on rank 0 the queue server thread runs while the worker
 * takes units locally, and the worker's end-of-run calls start after the server has finished.
 */
public final class MpjCoordinator implements Coordinator {
    private static final Logger LOG = LoggerFactory.getLogger(MpjCoordinator.class);
    private static final int TAG_REQUEST = 11;
    private static final int TAG_UNIT = 12;
    private static final int TAG_STATS = 13;
    private static final String NO_MORE = "";
    private static final String ERROR_PREFIX = "ERROR:";

    private final MpjComm comm;
    private final String device;
    private Thread server;

    public MpjCoordinator(MpjComm comm, String device) {
        this.comm = comm;
        this.device = device;
    }

    @Override
    public RunPlan plan(Supplier<RunPlan> planOnce) throws IOException {
        String json = null;
        RuntimeException failure = null;
        if (comm.rank() == 0) {
            try {
                json = Json.mapper().writeValueAsString(planOnce.get());
            } catch (RuntimeException e) {
                failure = e;
                json = ERROR_PREFIX + e.getMessage();
            }
        }
        try {
            json = comm.broadcast(json, 0);
        } catch (MpjComm.MpjException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (failure != null) {
            throw failure;
        }
        if (json.startsWith(ERROR_PREFIX)) {
            throw new TolException("rank 0 could not plan the run: " + json.substring(ERROR_PREFIX.length()), null);
        }
        return Json.mapper().readValue(json, RunPlan.class);
    }

    @Override
    public WorkSource work(RunPlan plan, DoneState done, RankContext ctx) {
        if (comm.rank() != 0) {
            return new RemoteSource(plan);
        }
        Deque<WorkUnit> queue = new ArrayDeque<>();
        for (WorkUnit u : plan.units()) { // the plan is already largest first
            if (!done.isDone(u)) {
                queue.add(u);
            }
        }
        long bytes = queue.stream().mapToLong(WorkUnit::bytes).sum();
        LOG.info("rank 0 serves {} units ({} bytes) largest first to {} ranks", queue.size(), bytes, comm.size());
        server = new Thread(() -> serve(queue), "tol-mpj-queue");
        server.setDaemon(true); // an interrupted job must not wait for ranks that stopped asking
        server.start();
        return new WorkSource() {
            @Override
            public WorkUnit next() {
                synchronized (queue) {
                    return queue.pollFirst();
                }
            }
        };
    }

    /** Rank 0's server: answers each request with the next unit id, then "no more" once per other rank. */
    private void serve(Deque<WorkUnit> queue) {
        int finished = 0;
        try {
            while (finished < comm.size() - 1) {
                MpjComm.Message req = comm.recv(-1, TAG_REQUEST);
                WorkUnit next;
                synchronized (queue) {
                    next = queue.pollFirst();
                }
                comm.send(next == null ? NO_MORE : next.id(), req.source(), TAG_UNIT);
                if (next == null) {
                    finished++;
                } else {
                    LOG.debug("unit {} -> rank {}", next.id(), req.source());
                }
            }
        } catch (MpjComm.MpjException e) {
            LOG.error("work queue server failed: {}", e.getMessage());
        }
    }

    /** A non-zero rank's source: asks rank 0 for each unit. */
    private final class RemoteSource implements WorkSource {
        private final Map<String, WorkUnit> byId = new HashMap<>();
        private boolean exhausted;

        RemoteSource(RunPlan plan) {
            for (WorkUnit u : plan.units()) {
                byId.put(u.id(), u);
            }
        }

        @Override
        public WorkUnit next() throws IOException {
            if (exhausted) {
                return null;
            }
            try {
                comm.send("next", 0, TAG_REQUEST);
                String id = comm.recv(0, TAG_UNIT).text();
                if (id == null || id.isEmpty()) {
                    exhausted = true;
                    return null;
                }
                WorkUnit u = byId.get(id);
                if (u == null) {
                    throw new IOException("rank 0 handed out unknown unit " + id);
                }
                return u;
            } catch (MpjComm.MpjException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    @Override
    public List<Map<String, Object>> finish(Map<String, Object> myStats) throws IOException {
        try {
            if (comm.rank() != 0) {
                comm.send(Json.mapper().writeValueAsString(myStats), 0, TAG_STATS);
                comm.barrier();
                return List.of();
            }
            if (server != null) {
                server.join();
            }
            List<Map<String, Object>> all = new ArrayList<>();
            all.add(myStats);
            for (int i = 1; i < comm.size(); i++) {
                String json = comm.recv(-1, TAG_STATS).text();
                all.add(Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {}));
            }
            comm.barrier();
            return all;
        } catch (MpjComm.MpjException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the work queue", e);
        }
    }

    @Override
    public boolean mayCollect(RankContext ctx) {
        return comm.rank() == 0;
    }

    @Override
    public String describe() {
        return "MPJ Express " + device + ", " + comm.size() + " ranks, dynamic largest-first queue on rank 0";
    }

    @Override
    public void close() {
        try {
            comm.finish();
        } catch (MpjComm.MpjException e) {
            LOG.debug("MPI.Finalize: {}", e.getMessage());
        }
    }
}
