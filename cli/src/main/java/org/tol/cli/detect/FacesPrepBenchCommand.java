package org.tol.cli.detect;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.faces.FacesPrepBench;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench faces-prep}: images/s per core of MTCNN's pre-processing and cascade CPU work. */
@Command(name = "faces-prep", mixinStandardHelpOptions = true,
        description = "Single-thread images/s of the 720x720 stretch + P-Net pyramid, and of the cascade's CPU work "
                + "(boxes, NMS, crops) against instant synthetic nets.")
public final class FacesPrepBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", defaultValue = "64", description = "Images to time (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--width", defaultValue = "720", description = "Input width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "540", description = "Input height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--batch", defaultValue = "32", description = "Images per cascade batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--fire-rate", defaultValue = "0.002",
            description = "Share of P-Net cells the synthetic net calls faces (default: ${DEFAULT-VALUE}).")
    double fireRate;

    @Option(names = "--raw-bgr", defaultValue = "0", paramLabel = "ROUNDS",
            description = "Also time raw BGR cells both ways in ROUNDS alternating rounds: the decoder's RGB copy + "
                    + "prepare against prepareBgr reading the cell in place, per CPU-second (default: 0, off).")
    int rawRounds;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> r = FacesPrepBench.run(images, width, height, batch, fireRate, rawRounds);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.pretty(r));
        } else {
            w.printf("faces (MTCNN) pre/post-processing, 1 thread, %s images, P-Net fire rate %s%n", r.get("image_size"), fireRate);
            w.printf("  720x720 stretch + pyramid (prepare): %8.1f images/s%n", (Double) r.get("prepare_images_per_s"));
            w.printf("  cascade CPU work (synthetic nets):   %8.1f images/s (%.1f faces/image)%n",
                    (Double) r.get("cascade_cpu_images_per_s"), (Double) r.get("faces_per_image"));
            w.printf("  both:                                %8.1f images/s%n", (Double) r.get("prepare_plus_cascade_images_per_s"));
            RawBgrLines.print(w, r.get("raw_bgr"));
        }
        w.flush();
        return ExitCodes.OK;
    }
}
