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
        description = {"Runs the whole pipeline on built-in sample data (no download, no GPU).",
            "Each step is a real tol command line; the run ends with a summary of what each produced."})
public final class QuickstartCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", defaultValue = "quickstart-out", paramLabel = "DIR",
            description = "Working directory for data and outputs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--images", defaultValue = "96", description = "Sample images (default: ${DEFAULT-VALUE}).")
    int images;

    /**
     * One CLI invocation; {@code okCodes} are the exit codes that mean the step did what it should, and the
     * first stdout line starting with {@code resultPrefix} (else the last line) is shown as its result.
     */
    record Step(String title, List<String> args, Set<Integer> okCodes, String produces, String resultPrefix) {
        Step(String title, List<String> args, Set<Integer> okCodes, String produces) {
            this(title, args, okCodes, produces, null);
        }
    }

    List<Step> steps() {
        String d = dir.toString();
        String data = d + "/sample/data";
        List<Step> s = new ArrayList<>();
        s.add(new Step("make sample data", List.of("sample", "make", "--out", d + "/sample", "--files", "4",
                "--images", Integer.toString(images), "--seed", "42", "--bad-rows", "3"), Set.of(0),
                d + "/sample (manifest.json lists planted bad rows and near-duplicates)"));
        s.add(new Step("inspect (3 planted bad rows -> exit 3)", List.of("inspect", data), Set.of(3),
                "decode report on stdout"));
        String stats = d + "/image-stats";
        s.add(new Step("filter image-stats on 2 local ranks", List.of("launch", "--local", "2", "--", "filter",
                "image-stats", "--input", data, "--output", stats), Set.of(0),
                stats + "/predictions_rank{0,1}.parquet, checkpoints_rank*/, logs/"));
        s.add(new Step("collect image-stats", List.of("collect", stats), Set.of(0),
                stats + "/predictions.parquet, failures.parquet (the 3 bad rows), summary.json", "collected"));
        s.add(new Step("status of the image-stats run", List.of("status", stats), Set.of(0), "progress rebuilt from files", d));
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
            String result = resultLine(captured.toString(), step.resultPrefix());
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

    private static String resultLine(String text, String prefix) {
        String[] lines = text.strip().split("\\R");
        if (prefix != null) {
            for (String l : lines) {
                if (l.strip().startsWith(prefix)) {
                    return l.strip();
                }
            }
        }
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
