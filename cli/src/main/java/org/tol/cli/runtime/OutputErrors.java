package org.tol.cli.runtime;

import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;

/**
 * Turns an unexpected failure while reading an output directory (a damaged or foreign file) into one line
 * naming OUT and the cause, with a hint; the stack trace is printed only with {@code -v}.
 */
final class OutputErrors {
    private OutputErrors() {}

    static <T> T oneLine(java.nio.file.Path out, Callable<T> body) throws Exception {
        try {
            return body.call();
        } catch (TolException e) {
            throw e;
        } catch (Exception e) {
            String msg = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
            throw new TolException("cannot read " + out + " (" + e.getClass().getSimpleName() + msg + ")",
                    "run 'tol verify " + out + "' to list what is missing or damaged (-v shows the stack trace)",
                    ExitCodes.FAILURE, e);
        }
    }
}
