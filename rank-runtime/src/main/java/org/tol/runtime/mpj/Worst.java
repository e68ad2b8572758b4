package org.tol.runtime.mpj;

import org.tol.api.ExitCodes;

/** Combines rank exit codes into the job's: any hard failure, else interrupted (75), else incomplete (3), else 0. */
public final class Worst {
    private Worst() {}

    public static int of(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.OK -> 0;
            case ExitCodes.INCOMPLETE -> 1;
            case ExitCodes.INTERRUPTED -> 2;
            default -> 3;
        };
    }
}
