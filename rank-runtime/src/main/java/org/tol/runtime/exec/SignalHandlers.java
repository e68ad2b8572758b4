package org.tol.runtime.exec;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT (Ctrl-C) and SIGUSR1 (what {@code #SBATCH --signal=USR1@120} sends through srun) ask the ranks to stop: they
 * stop taking work, commit what they have and exit 75. If they have not exited after the grace period, or on a
 * second signal, the process halts at once with 75: every committed part is already durable, and anything
 * uncommitted is redone on resume. A signal within a second of the first is the same request arriving twice
 * (Ctrl-C reaches {@code tol launch}'s children from the terminal and from the launcher) and is ignored.
 *
 * <p>This class touches no logging framework until a handler cannot be installed: {@code main} installs the
 * handlers before anything else, and initialising logback first would leave the JVM without them for a few
 * hundred milliseconds more.
 */
public final class SignalHandlers {
    private static final AtomicInteger SIGNALS = new AtomicInteger();
    private static volatile long firstSignalNanos;
    private static final StopFlag JVM_STOP = new StopFlag();
    private static boolean installed;

    private SignalHandlers() {}

    /** The process-wide stop flag the handlers set. */
    public static StopFlag jvmStopFlag() {
        return JVM_STOP;
    }

    /** Installs the handlers on {@link #jvmStopFlag()} unless already done (the first grace period stays). */
    public static synchronized void installOnce(int graceSeconds) {
        if (!installed) {
            install(JVM_STOP, graceSeconds);
            installed = true;
        }
    }

    public static void install(StopFlag flag, int graceSeconds) {
        for (String name : new String[] {"TERM", "INT", "USR1"}) {
            try {
                Signal.handle(new Signal(name), sig -> onSignal(flag, "SIG" + sig.getName(), graceSeconds));
            } catch (IllegalArgumentException e) {
                LoggerFactory.getLogger(SignalHandlers.class).warn(
                        "cannot handle SIG{} on this JVM ({}); it will kill the process without a checkpoint",
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
