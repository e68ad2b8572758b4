package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.io.json.Json;
import org.tol.runtime.plan.PlanBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench plan}: planning and status of a synthetic job of many files and ranks (time, peak RSS). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Planning (order, LPT share, run.json), 'tol status' and 'tol verify' on a synthetic plan of N files over R "
                + "ranks, each phase in a fresh JVM: seconds and peak RSS.")
public final class PlanBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--files", defaultValue = "100000", description = "Input files = units (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--ranks", defaultValue = "1000", description = "Ranks (default: ${DEFAULT-VALUE}).")
    int ranks;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of the measured JVMs (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--work", defaultValue = "bench-plan", paramLabel = "DIR", description = "Work directory (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--json", description = "Print JSON only.")
    boolean json;

    @Option(names = "--phase", hidden = true)
    String phase;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = work.resolve("files-" + files + "-ranks-" + ranks);
        if (phase != null) {
            out.println(BenchChild.line(switch (phase) {
                case "plan" -> PlanBench.plan(dir, files, ranks);
                case "status" -> PlanBench.status(dir);
                default -> PlanBench.verify(dir);
            }));
            out.flush();
            return 0;
        }
        Files.createDirectories(work);
        List<String> common = List.of("bench", "plan", "--files", Integer.toString(files), "--ranks",
                Integer.toString(ranks), "--work", work.toString(), "--phase");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("files", files);
        report.put("ranks", ranks);
        report.put("heap", heap);
        Map<String, Object> plan = BenchChild.run(heap, concat(common, "plan"));
        report.put("plan", plan);
        PlanBench.finishedOut(dir, ranks);
        Map<String, Object> status = BenchChild.run(heap, concat(common, "status"));
        report.put("status", status);
        Map<String, Object> verify = BenchChild.run(heap, concat(common, "verify"));
        report.put("verify", verify);
        if (json) {
            out.println(Json.pretty(report));
        } else {
            out.printf("%,d files over %,d ranks (-Xmx%s)%n", files, ranks, heap);
            out.printf("plan  : order %.2f s, one rank's LPT share %.2f s (%s units), run.json %,d bytes written %.2f s, "
                    + "read %.2f s; peak RSS %,d MB%n", plan.get("order_s"), plan.get("share_of_one_rank_s"),
                    plan.get("share_units"), plan.get("run_json_bytes"), plan.get("write_run_json_s"),
                    plan.get("read_run_json_s"), ((Number) plan.get("peak_rss_bytes")).longValue() >> 20);
            out.printf("status: %.2f s over %s rank stats files (%s); peak RSS %,d MB%n", status.get("seconds"),
                    status.get("ranks"), status.get("state"), ((Number) status.get("peak_rss_bytes")).longValue() >> 20);
            out.printf("verify: %.2f s; peak RSS %,d MB%n", verify.get("seconds"),
                    ((Number) verify.get("peak_rss_bytes")).longValue() >> 20);
        }
        out.flush();
        return 0;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new java.util.ArrayList<>(a);
        l.add(b);
        return l;
    }
}
