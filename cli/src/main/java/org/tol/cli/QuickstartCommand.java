package org.tol.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tol quickstart}: the whole pipeline on built-in sample data, no download, no GPU. Each step is a
 * real tol command line (the same a user would type), so the quickstart doubles as a smoke test of the
 * CLI; the summary lists what each step produced and where.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline on built-in sample data (no download, no GPU):",
            "sample make -> inspect, then every stage that exists; ends with a summary."})
public final class QuickstartCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", defaultValue = "quickstart-out", paramLabel = "DIR",
            description = "Working directory for data and outputs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--images", defaultValue = "96", description = "Sample images (default: ${DEFAULT-VALUE}).")
    int images;

    /** One CLI invocation; {@code okCodes} are the exit codes that mean the step did what it should. */
    record Step(String title, List<String> args, Set<Integer> okCodes, String produces) {}

    List<Step> steps() {
        String d = dir.toString();
        String data = d + "/sample/data";
        List<Step> s = new ArrayList<>();
        s.add(new Step("make sample data", List.of("sample", "make", "--out", d + "/sample", "--files", "4",
                "--images", Integer.toString(images), "--seed", "42", "--bad-rows", "3"), Set.of(0),
                d + "/sample (manifest.json lists planted bad rows and near-duplicates)"));
        s.add(new Step("inspect (3 planted bad rows -> exit 3)", List.of("inspect", data), Set.of(3),
                "decode report on stdout"));
        return s;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> summary = new ArrayList<>();
        boolean ok = true;
        int n = 0;
        List<Step> steps = steps();
        for (Step step : steps) {
            n++;
            err.printf("%n== quickstart %d/%d: %s%n   $ tol %s%n", n, steps.size(), step.title(), String.join(" ", step.args()));
            err.flush();
            long t0 = System.nanoTime();
            CommandLine cl = TolCommand.commandLine();
            java.io.StringWriter captured = new java.io.StringWriter();
            cl.setOut(new PrintWriter(captured, true));
            int rc = cl.execute(step.args().toArray(String[]::new));
            String result = lastLine(captured.toString());
            if (!result.isEmpty()) {
                err.println("   -> " + result);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            boolean stepOk = step.okCodes().contains(rc);
            ok &= stepOk;
            summary.add(String.format("%s %-44s exit %-3d %6.1fs  %s%n         %s", stepOk ? "ok  " : "FAIL", step.title(),
                    rc, secs, step.produces(), result));
            if (!stepOk) {
                break;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("quickstart summary (" + dir.toAbsolutePath() + "):");
        summary.forEach(line -> out.println("  " + line));
        out.println(ok ? "quickstart finished: every step did what it should." : "quickstart FAILED at the step marked FAIL.");
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
