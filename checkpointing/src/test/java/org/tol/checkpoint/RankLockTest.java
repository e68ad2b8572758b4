package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;

class RankLockTest {
    @TempDir Path tmp;

    @Test
    void aLiveHolderIsRefusedAndTheLockIsFreedOnClose() throws Exception {
        Path file = tmp.resolve("locks/rank3.lock");
        try (RankLock held = RankLock.acquire(file, 3, "42", Duration.ofMinutes(5))) {
            TolException e = assertThrows(TolException.class, () -> RankLock.acquire(file, 3, "42", Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("rank 3 is already running"), e.getMessage());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aLockOfADeadProcessOnThisHostIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path file = tmp.resolve("locks/rank0.lock");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"rank\":0,\"host\":\"" + RankLock.hostName() + "\",\"pid\":" + p.pid()
                + ",\"job_id\":\"1\",\"token\":\"old\"}");
        try (RankLock lock = RankLock.acquire(file, 0, "2", Duration.ofMinutes(5))) {
            assertTrue(Files.readString(file).contains("\"job_id\":\"2\""));
        }
    }

    @Test
    void aLockFromAnotherHostIsStaleOnlyWithoutHeartbeat() throws Exception {
        Path file = tmp.resolve("locks/rank1.lock");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"rank\":1,\"host\":\"other-node\",\"pid\":1,\"job_id\":\"1\",\"token\":\"x\"}");
        assertThrows(TolException.class, () -> RankLock.acquire(file, 1, "2", Duration.ofMinutes(5)));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 600_000));
        try (RankLock lock = RankLock.acquire(file, 1, "2", Duration.ofMinutes(5))) {
            assertTrue(Files.exists(file));
        }
    }
}
