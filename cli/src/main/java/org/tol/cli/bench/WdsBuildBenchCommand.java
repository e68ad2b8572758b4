package org.tol.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.wds.WdsBuildBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench wds-build}: raw 720-px rows to finished shards, images/s per core, vs the reference's PIL loop. */
@Command(name = "wds-build", mixinStandardHelpOptions = true,
        description = "Raw BGR rows (720x540) -> Pillow-exact bicubic 224x224 -> JPEG q100 -> 11-member samples in "
                + "shards; images/s per core, side by side with the reference's PIL loop when python3 has PIL.")
public final class WdsBuildBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", defaultValue = "bench-wds", paramLabel = "DIR", description = "Scratch directory (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--images", defaultValue = "1000", description = "Images per run (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--threads", defaultValue = "1", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--width", defaultValue = "720") int width;

    @Option(names = "--height", defaultValue = "540") int height;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        WdsBuildBench.Result r = WdsBuildBench.run(work, width, height, images, threads);
        String[] why = new String[1];
        double pil = WdsBuildBench.pillowLoop(work, width, height, Math.min(images, 300), why);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "wds-build");
            m.put("width", width);
            m.put("height", height);
            m.put("threads", threads);
            m.put("images", r.images());
            m.put("seconds", r.seconds());
            m.put("images_per_second", r.images() / r.seconds());
            m.put("images_per_cpu_second", r.perCpuSecond());
            m.put("shard_bytes", r.shardBytes());
            m.put("reference_pil_images_per_cpu_second", pil < 0 ? null : pil);
            m.put("reference_note", pil < 0 ? why[0] : "PIL resize BICUBIC + JPEG q100 + tarfile, one core");
            out.println(Json.pretty(m));
        } else {
            out.printf("wds-build %dx%d raw BGR -> 224x224 q100 shards: %d images in %.2f s on %d thread(s): %.1f images/s,"
                    + " %.1f images per CPU-second%n", width, height, r.images(), r.seconds(), threads,
                    r.images() / r.seconds(), r.perCpuSecond());
            out.println(pil < 0 ? "reference PIL loop: not measured (" + why[0] + "); the issue quotes ~170 images/s per core"
                    : String.format("reference PIL loop: %.1f images per CPU-second (tol: %.1fx)", pil, r.perCpuSecond() / pil));
        }
        return ExitCodes.OK;
    }
}
