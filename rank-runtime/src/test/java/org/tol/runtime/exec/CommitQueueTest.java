package org.tol.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CommitQueueTest {
    @Test
    void runsStepsInSubmissionOrderOffTheCallingThread() throws Exception {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (CommitQueue q = new CommitQueue("test-commit", 2)) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                q.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    if (n % 7 == 0) {
                        sleep(2); // a slow fsync must not let a later step overtake it
                    }
                    done.add("step" + n);
                });
            }
            q.drain();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("step" + i);
            }
            assertEquals(expected, done);
            assertTrue(threads.stream().allMatch("test-commit"::equals), threads.toString());
        }
    }

    @Test
    void afterAFailedStepNoLaterStepRunsAndTheFailureReachesTheSubmitter() throws Exception {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        try (CommitQueue q = new CommitQueue("test-commit", 4)) {
            q.submit(() -> done.add("part a"));
            q.submit(() -> {
                awaitQuietly(queued); // fail only once the next step is queued behind this one
                failed.countDown();
                throw new IOException("disk full");
            });
            // queued behind the failure: a manifest line for a part that was never committed
            q.submit(() -> done.add("manifest line"));
            queued.countDown();
            failed.await();
            IOException e = assertThrows(IOException.class, q::drain);
            assertEquals("disk full", e.getMessage());
            assertThrows(IOException.class, () -> q.submit(() -> done.add("next unit")));
        }
        assertEquals(List.of("part a"), done);
    }

    @Test
    void closeRunsWhatIsStillQueued() throws Exception {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (CommitQueue q = new CommitQueue("test-commit", 8)) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                q.submit(() -> {
                    sleep(3);
                    done.add(n);
                });
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), done);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
