package org.tol.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;

/**
 * One live process per rank and OUT, and one job per OUT. The rank lock is an OS file lock
 * ({@link FileChannel#tryLock()}, POSIX {@code fcntl}) on {@code locks/rank{R}.lock}: the kernel releases it
 * when its holder dies, kill -9 included, so there is no staleness to guess. The file's content (host, pid, job
 * id, world size) only tells the next process who held it.
 *
 * <p>Job level: after taking its own lock a rank probes every other rank's lock. One that is held by a process
 * of another job (other job id or other world size) means another job is writing OUT, and this rank refuses
 * to start; so a second job with more ranks cannot run its extra ranks beside the first job's. Two jobs that
 * start at the very same moment may both refuse: that is safe, never double work.
 *
 * <p>Lock files are never deleted (deleting one that another process has just opened would let two processes
 * lock two different files of the same name). Within one JVM (MPJ multicore ranks) a registry keeps the
 * channels, because closing any descriptor of a file would drop every POSIX lock this process holds on it;
 * for the same reason a held lock file is only ever read through its own channel.
 */
public final class RankLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RankLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lock files held by this JVM, by absolute path. */
    private static final Map<Path, RankLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String jobId;
    private final int world;

    private RankLock(Path file, FileChannel channel, FileLock lock, String jobId, int world) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.jobId = jobId;
        this.world = world;
    }

    /**
     * Takes rank {@code rank}'s lock in {@code file}'s directory and checks that no process of another job
     * holds any other rank's lock there.
     *
     * @throws TolException (exit 1) when the rank is already running, or another job runs on this OUT
     */
    public static RankLock acquire(Path file, int rank, int world, String jobId) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        String job = jobId == null ? "" : jobId;
        synchronized (HELD) {
            if (HELD.containsKey(abs)) {
                throw busy(rank, abs, content(HELD.get(abs).channel));
            }
            FileChannel ch = FileChannel.open(abs, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = ch.tryLock();
                // A sibling rank's probe (refuseOtherJobs) holds a free lock for a moment: look again briefly.
                for (int i = 0; lock == null && i < 10; i++) {
                    Thread.sleep(20);
                    lock = ch.tryLock();
                }
            } catch (InterruptedException e) {
                ch.close();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking " + abs, e);
            } catch (IOException e) {
                ch.close();
                throw new TolException("cannot lock " + abs + ": " + e.getMessage(),
                        "put the output directory on a file system with POSIX locks (on Lustre: mounted with "
                                + "flock or localflock)", ExitCodes.FAILURE, e);
            }
            if (lock == null) {
                Map<?, ?> h = holder(abs);
                ch.close(); // we hold no lock on this file, so closing drops nothing of ours
                throw busy(rank, abs, h);
            }
            // Read through the locked channel: opening and closing another descriptor of this file would drop
            // the POSIX lock just taken.
            Map<?, ?> previous = content(ch);
            if (!previous.isEmpty()) {
                LOG.info("taking over stale lock {} (its holder, pid {} on {}, is gone)", abs, previous.get("pid"),
                        previous.get("host"));
            }
            RankLock held = new RankLock(abs, ch, lock, job, world);
            try {
                held.writeContent(rank);
                held.refuseOtherJobs();
            } catch (IOException | RuntimeException e) {
                held.release();
                throw e;
            }
            HELD.put(abs, held);
            return held;
        }
    }

    private void writeContent(int rank) throws IOException {
        Map<String, Object> content = Map.of("rank", rank, "world_size", world, "host", hostName(),
                "pid", ProcessHandle.current().pid(), "job_id", jobId, "started", Instant.now().toString());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(content)), 0);
        channel.force(false);
    }

    /** Probes the other rank locks in this directory; one held by another job's process is refused. */
    private void refuseOtherJobs() throws IOException {
        try (Stream<Path> s = Files.list(file.getParent())) {
            for (Path other : s.filter(p -> p.getFileName().toString().matches("rank\\d+\\.lock")).toList()) {
                Path abs = other.toAbsolutePath().normalize();
                if (abs.equals(file) || HELD.containsKey(abs)) {
                    continue; // ours, or a rank thread of this JVM (same job)
                }
                Map<?, ?> h = heldBy(abs);
                if (h != null && !sameJob(h)) {
                    throw new TolException("another job is running on this output: " + abs + " is held by job "
                            + h.get("job_id") + " (" + h.get("world_size") + " ranks; host " + h.get("host") + " pid "
                            + h.get("pid") + "), this is job " + jobId + " with " + world + " ranks",
                            "wait for that job to end (or cancel it); two jobs on one output would process the "
                                    + "same units twice", ExitCodes.FAILURE, null);
                }
            }
        }
    }

    private boolean sameJob(Map<?, ?> h) {
        Object w = h.get("world_size");
        return jobId.equals(String.valueOf(h.get("job_id"))) && w instanceof Number n && n.intValue() == world;
    }

    /** The holder of a lock file that a live process holds, or null when it is free. */
    private static Map<?, ?> heldBy(Path lockFile) throws IOException {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            FileLock probe = ch.tryLock();
            if (probe != null) {
                probe.release();
                return null;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        // A holder that has just taken the lock writes its content a moment later: wait for it briefly.
        Map<?, ?> h = holder(lockFile);
        for (int i = 0; i < 40 && h.get("job_id") == null; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            h = holder(lockFile);
        }
        return h;
    }

    private static TolException busy(int rank, Path file, Map<?, ?> h) {
        return new TolException("rank " + rank + " is already running on this output: lock " + file
                + " is held by host " + h.get("host") + " pid " + h.get("pid") + " job " + h.get("job_id"),
                "wait for that process to end (or kill it); a second process with the same rank would write "
                        + "the same parts", ExitCodes.FAILURE, null);
    }

    private static Map<?, ?> content(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 16));
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // read on
            }
            return buf.position() == 0 ? Map.of() : JSON.readValue(buf.array(), 0, buf.position(), Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Map<?, ?> holder(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            return b.length == 0 ? Map.of() : JSON.readValue(b, Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Touches the lock file (its mtime tells {@code status} readers when the rank was last alive). */
    public void heartbeat() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("lock heartbeat failed: {}", e.toString());
        }
    }

    /** True when some live process holds {@code lockFile} (for reports; false for a free or absent file). */
    public static boolean isHeld(Path lockFile) {
        Path abs = lockFile.toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.containsKey(abs)) {
                return true;
            }
            try {
                return Files.exists(abs) && heldBy(abs) != null;
            } catch (IOException e) {
                return false;
            }
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            HELD.remove(file);
            try {
                channel.truncate(0); // empty = released cleanly; content left behind = its holder died
            } catch (IOException e) {
                LOG.debug("could not clear lock {}: {}", file, e.toString());
            }
            release();
        }
    }

    private void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("could not release lock {}: {}", file, e.toString());
        }
    }

    static String hostName() {
        String env = System.getenv("SLURMD_NODENAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
