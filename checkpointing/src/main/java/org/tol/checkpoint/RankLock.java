package org.tol.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;

/**
 * One live process per rank and OUT. The lock file records host, pid and job id and is touched as a heartbeat
 * while held. A lock is stale, and taken over, when its process is gone (same host: pid not alive) or, for a
 * lock from another host (a requeued job lands elsewhere), when its heartbeat is older than {@code staleAfter}.
 */
public final class RankLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RankLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String token;

    private RankLock(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    public static RankLock acquire(Path file, int rank, String jobId, Duration staleAfter) throws IOException {
        Files.createDirectories(file.getParent());
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        String token = host + ":" + pid + ":" + Thread.currentThread().getId() + ":" + System.nanoTime();
        Map<String, Object> content = Map.of("rank", rank, "host", host, "pid", pid,
                "job_id", jobId == null ? "" : jobId, "token", token, "started", Instant.now().toString());
        byte[] bytes = JSON.writeValueAsBytes(content);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.write(file, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return new RankLock(file, token);
            } catch (FileAlreadyExistsException e) {
                Map<?, ?> holder = readHolder(file);
                String why = staleReason(file, holder, host, staleAfter);
                if (why == null) {
                    throw new TolException("rank " + rank + " is already running on this output: lock " + file
                            + " is held by host " + holder.get("host") + " pid " + holder.get("pid")
                            + " job " + holder.get("job_id"),
                            "wait for that process to end (or kill it); a second process with the same rank "
                                    + "would write the same parts", ExitCodes.FAILURE, null);
                }
                LOG.warn("taking over stale lock {} ({})", file, why);
                Files.deleteIfExists(file);
            }
        }
        throw new IOException("could not acquire " + file + " after 3 attempts");
    }

    private static Map<?, ?> readHolder(Path file) {
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Why the lock is stale, or null when its holder may still be alive. */
    private static String staleReason(Path file, Map<?, ?> holder, String host, Duration staleAfter)
            throws IOException {
        if (holder.isEmpty()) {
            return "unreadable lock file";
        }
        if (host.equals(holder.get("host")) && holder.get("pid") instanceof Number pid) {
            if (pid.longValue() != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid.longValue()).map(ProcessHandle::isAlive).orElse(false)) {
                return null;
            }
            if (pid.longValue() == ProcessHandle.current().pid()) {
                return null; // another rank thread of this very JVM holds it
            }
            return "process " + pid + " on this host is gone";
        }
        FileTime beat = Files.getLastModifiedTime(file);
        Duration age = Duration.between(beat.toInstant(), Instant.now());
        return age.compareTo(staleAfter) > 0 ? "no heartbeat from host " + holder.get("host") + " for " + age : null;
    }

    /** Refreshes the heartbeat (the file's modification time). */
    public void heartbeat() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("lock heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            Map<?, ?> holder = readHolder(file);
            if (token.equals(holder.get("token"))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not remove lock {}: {}", file, e.toString());
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
