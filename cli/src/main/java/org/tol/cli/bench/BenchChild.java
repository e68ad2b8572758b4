package org.tol.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.io.json.Json;

/**
 * Runs one phase of a benchmark as {@code tol <args>} in a fresh JVM of this distribution, so its peak RSS
 * (VmHWM) is its own, and returns the JSON of the line it prints after {@code BENCH }.
 */
public final class BenchChild {
    private BenchChild() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> run(String heap, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-D")) {
                cmd.add(a);
            }
        }
        cmd.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.tol.cli.Main", "-q"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        String line = stdout.lines().filter(l -> l.startsWith("BENCH ")).findFirst().orElse(null);
        if (code != 0 || line == null) {
            throw new TolException("bench phase " + args + " failed (exit " + code + "): " + stdout, null);
        }
        return Json.mapper().readValue(line.substring(6), Map.class);
    }

    /** Prints the phase result line {@link #run} looks for. */
    public static String line(Map<String, Object> result) throws IOException {
        return "BENCH " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result); // one line
    }
}
