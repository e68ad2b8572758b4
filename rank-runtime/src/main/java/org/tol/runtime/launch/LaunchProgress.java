package org.tol.runtime.launch;

import java.nio.file.Path;
import java.util.List;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.status.ProgressView;

/**
 * The launcher's single progress view: while its ranks run, one line for all of them (from OUT's files, as
 * {@code tol status --watch} shows it) every {@code --progress-seconds} of the ranks' command (default 10).
 */
final class LaunchProgress {
    private LaunchProgress() {}

    /** Starts the reporter thread, or returns null when the ranks' command has no --output. */
    static Thread start(List<String> tolArgs, List<Process> children) {
        String out = option(tolArgs, "--output", "-o");
        if (out == null) {
            return null;
        }
        String every = option(tolArgs, "--progress-seconds", null);
        long millis = (long) (1000 * (every != null && every.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(every) : 10));
        OutLayout layout = new OutLayout(Path.of(out).toAbsolutePath());
        boolean terminal = System.console() != null;
        Thread t = new Thread(() -> {
            try {
                while (children.stream().anyMatch(Process::isAlive)) {
                    Thread.sleep(Math.max(200, millis));
                    show(layout, terminal, "tol launch: ");
                }
            } catch (InterruptedException e) {
                // the ranks are done (stop() interrupts): fall through to the final line
            }
            show(layout, false, "tol launch: ");
        }, "tol-launch-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void stop(Thread t) throws InterruptedException {
        if (t == null) {
            return;
        }
        t.interrupt();
        t.join(2000);
    }

    private static void show(OutLayout layout, boolean terminal, String prefix) {
        try {
            ProgressView.Snapshot s = ProgressView.of(layout, 120);
            if (s != null) {
                ProgressView.print(new java.io.PrintWriter(System.err, true), prefix + ProgressView.line(s), terminal);
            }
        } catch (Exception e) {
            // a file being replaced between list and read: the next tick shows it
        }
    }

    /** The value of {@code --name V}, {@code --name=V} or {@code -s V} in the ranks' arguments, or null. */
    static String option(List<String> args, String name, String shortName) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals(name) || a.equals(shortName)) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }
}
