package org.tol.runtime.exec;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT (Ctrl-C) and SIGUSR1 (what {@code #SBATCH --signal=USR1@120} sends through srun) ask the ranks to stop: they
 * stop taking work, commit what they have and exit 75. If they have not exited after the grace period, or on a
 * second signal, the process halts at once with 75: every committed part is already durable, and anything
 * uncommitted is redone on resume. A signal within a second of the first is the same request arriving twice
 * (Ctrl-C reaches {@code tol launch}'s children from the terminal and from the launcher) and is ignored.
 */
public final class SignalHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SignalHandlers.class);
    private static final AtomicInteger SIGNALS = new AtomicInteger();
    private static volatile long firstSignalNanos;

    private SignalHandlers() {}

    public static void install(StopFlag flag, int graceSeconds) {
        for (String name : new String[] {"TERM", "INT", "USR1"}) {
            try {
                Signal.handle(new Signal(name), sig -> onSignal(flag, "SIG" + sig.getName(), graceSeconds));
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot handle SIG{} on this JVM ({}); it will kill the process without a checkpoint",
                        name, e.getMessage());
            }
        }
    }

    static synchronized void onSignal(StopFlag flag, String name, int graceSeconds) {
        long now = System.nanoTime();
        if (SIGNALS.get() > 0 && now - firstSignalNanos < 1_000_000_000L) {
            return;
        }
        firstSignalNanos = now;
        if (SIGNALS.incrementAndGet() > 1) {
            System.err.println("tol: second signal (" + name + "): exiting now with " + ExitCodes.INTERRUPTED);
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        System.err.println("tol: " + name + " received: committing and exiting with " + ExitCodes.INTERRUPTED
                + " within " + graceSeconds + " s (send again to exit at once)");
        flag.stop(name);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(graceSeconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("tol: grace period of " + graceSeconds + " s over: exiting now");
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }, "tol-grace-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
