package org.tol.cli;

/** Entry point of the {@code tol} command; the only place that calls System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(TolCommand.commandLine().execute(args));
    }
}
