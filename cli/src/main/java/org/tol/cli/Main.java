package org.tol.cli;

import java.util.Arrays;
import java.util.List;
import org.tol.runtime.exec.SignalHandlers;

/** Entry point of the {@code tol} command; the only place that calls System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String version = versionOnly(args);
        if (version != null) {
            // picocli would first build every subcommand's model (~2,000 classes, most of the start-up) to
            // print one line; same line, same stream, same exit code without it.
            System.out.println(version);
            System.exit(0);
        }
        if (isFilterRun(args)) {
            // Before anything else: SIGUSR1/SIGTERM must never find the JVM without its handlers.
            SignalHandlers.installOnce(graceSeconds(args));
        }
        System.exit(TolCommand.commandLine().execute(args));
    }

    /** The version line when the whole command line is {@code --version} (or {@code -V}), else null. */
    static String versionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))
                ? new VersionProvider().getVersion()[0] : null;
    }

    /** {@code tol [global options] filter ...}: a rank of the runtime. */
    static boolean isFilterRun(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("filter");
            }
        }
        return false;
    }

    /** The {@code --grace-seconds} value on the command line (picocli checks it later), else its default. */
    static int graceSeconds(String[] args) {
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            String v = a.startsWith("--grace-seconds=") ? a.substring(a.indexOf('=') + 1)
                    : a.equals("--grace-seconds") && i + 1 < list.size() ? list.get(i + 1) : null;
            if (v != null && v.matches("\\d{1,6}")) {
                return Integer.parseInt(v);
            }
        }
        return 60;
    }
}
