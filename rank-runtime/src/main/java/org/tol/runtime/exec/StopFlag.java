package org.tol.runtime.exec;

/**
 * Set when the job must stop taking work (SIGTERM/SIGUSR1, or a test). Shared by every rank of a JVM, since a
 * signal is delivered to the process, not to one rank thread.
 */
public final class StopFlag {
    private volatile String reason;

    public void stop(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean stopped() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }
}
