package org.tol.runtime.mpj;

import java.io.PrintStream;

/**
 * MPJ Express's {@code MPI.Init} prints the stack trace of a {@code FileNotFoundException} for
 * {@code $MPJ_HOME/conf/mpjexpress.conf} when MPJ_HOME is unset (Debian's package has no conf dir) and then
 * carries on. This stderr wrapper drops exactly that trace, so users do not mistake it for a failure.
 */
final class MpjNoiseFilter extends PrintStream {
    private static volatile boolean installed;
    private final ThreadLocal<Boolean> skipping = ThreadLocal.withInitial(() -> false);

    private MpjNoiseFilter(PrintStream target) {
        super(target, true);
    }

    static synchronized void install() {
        if (!installed) {
            System.setErr(new MpjNoiseFilter(System.err));
            installed = true;
        }
    }

    // Throwable.printStackTrace prints the exception and each "\tat ..." frame through println(Object).
    @Override
    public void println(Object x) {
        if (x instanceof Throwable t && String.valueOf(t.getMessage()).contains("mpjexpress.conf")) {
            skipping.set(true);
            return;
        }
        if (skipping.get() && x instanceof String line && (line.startsWith("\tat ") || line.startsWith("\t..."))) {
            return;
        }
        skipping.set(false);
        super.println(x);
    }
}
