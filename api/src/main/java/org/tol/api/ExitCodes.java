package org.tol.api;

/**
 * Process exit codes shared by every tol command. SLURM scripts branch on these (75 means "requeue me").
 */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Failure: nothing trustworthy was produced by this invocation (bad config, crash, I/O error). */
    public static final int FAILURE = 1;
    /** Usage error: bad flags or arguments; nothing was run. */
    public static final int USAGE = 2;
    /** Finished, but some inputs failed (bad rows, unreadable files, missing units). */
    public static final int INCOMPLETE = 3;
    /** Interrupted (SIGTERM/SIGUSR1) after committing progress; run the same command again to resume. */
    public static final int INTERRUPTED = 75;

    private ExitCodes() {}
}
