package org.tol.api;

/**
 * An error meant for the user: the message names the file/row and what went wrong, {@link #hint()} says
 * what to do about it. The CLI prints both without a stack trace and exits with {@link #exitCode()}.
 */
public class TolException extends RuntimeException {
    private final int exitCode;
    private final String hint;

    public TolException(String message, String hint) {
        this(message, hint, ExitCodes.FAILURE, null);
    }

    public TolException(String message, String hint, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public static TolException usage(String message, String hint) {
        return new TolException(message, hint, ExitCodes.USAGE, null);
    }

    public int exitCode() {
        return exitCode;
    }

    /** What the user can do about it; may be null. */
    public String hint() {
        return hint;
    }
}
