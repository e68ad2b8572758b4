package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;

class RankLockTest {
    @TempDir Path tmp;

    @Test
    void aHeldRankLockRefusesASecondHolderAndIsFreeAfterClose() throws Exception {
        Path file = tmp.resolve("locks/rank3.lock");
        try (RankLock held = RankLock.acquire(file, 3, 4, "42")) {
            TolException e = assertThrows(TolException.class, () -> RankLock.acquire(file, 3, 4, "42"));
            assertTrue(e.getMessage().contains("already running"), e.getMessage());
            assertTrue(RankLock.isHeld(file));
        }
        assertFalse(RankLock.isHeld(file));
        try (RankLock again = RankLock.acquire(file, 3, 4, "42")) {
            assertTrue(Files.exists(file));
        }
    }

    @Test
    void theKernelReleasesTheLockOfAKilledProcess() throws Exception {
        // A child process takes the OS lock with flock(1)'s fcntl sibling: python is not assumed, so use a JVM.
        Path file = tmp.resolve("locks/rank0.lock");
        Files.createDirectories(file.getParent());
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), LockHolder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals('L', p.getInputStream().read(), "the child took the lock");
        assertTrue(RankLock.isHeld(file));
        assertThrows(TolException.class, () -> RankLock.acquire(file, 0, 1, "other"));
        p.destroyForcibly(); // SIGKILL: no cleanup runs
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        try (RankLock lock = RankLock.acquire(file, 0, 1, "other")) {
            assertTrue(RankLock.isHeld(file));
        }
    }

    @Test
    void aRankOfAnotherJobIsRefusedWhileAnyRankOfTheFirstJobRuns() throws Exception {
        Path dir = tmp.resolve("locks");
        try (RankLock a0 = RankLock.acquire(dir.resolve("rank0.lock"), 0, 2, "job-a")) {
            // Same JVM rank threads of one job share the directory freely.
            try (RankLock a1 = RankLock.acquire(dir.resolve("rank1.lock"), 1, 2, "job-a")) {
                assertTrue(RankLock.isHeld(dir.resolve("rank1.lock")));
            }
        }
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), LockHolder.class.getName(),
                dir.resolve("rank1.lock").toString(), "job-a", "2").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertEquals('L', p.getInputStream().read(), "the child took the lock");
            TolException e = assertThrows(TolException.class,
                    () -> RankLock.acquire(dir.resolve("rank4.lock"), 4, 5, "job-b"));
            assertTrue(e.getMessage().contains("another job is running on this output"), e.getMessage());
            assertFalse(RankLock.isHeld(dir.resolve("rank4.lock")), "the refused rank released its own lock");
        } finally {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        for (String f : List.of("rank4.lock")) {
            try (RankLock l = RankLock.acquire(dir.resolve(f), 4, 5, "job-b")) {
                assertTrue(RankLock.isHeld(dir.resolve(f)));
            }
        }
    }

    /** Holds a rank lock until killed; prints 'L' once it has it. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            String job = args.length > 1 ? args[1] : "holder";
            int world = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            RankLock lock = RankLock.acquire(Path.of(args[0]), 0, world, job);
            System.out.print('L');
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
