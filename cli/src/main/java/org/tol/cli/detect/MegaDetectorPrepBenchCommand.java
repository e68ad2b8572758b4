package org.tol.cli.detect;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.megadetector.MegaDetectorPrepBench;
import org.tol.io.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol bench megadetector-prep}: images/s per core of MegaDetector's pre- and post-processing. */
@Command(name = "megadetector-prep", mixinStandardHelpOptions = true,
        description = "Single-thread images/s of the letterbox and of decoding + NMS per output layout (no model).")
public final class MegaDetectorPrepBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", defaultValue = "200", description = "Images to time (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--width", defaultValue = "720", description = "Input width (default: ${DEFAULT-VALUE}, TOL's resized size).")
    int width;

    @Option(names = "--height", defaultValue = "540", description = "Input height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--image-size", defaultValue = "640", description = "Letterbox side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--raw-bgr", defaultValue = "0", paramLabel = "ROUNDS",
            description = "Also time raw BGR cells both ways in ROUNDS alternating rounds: the decoder's RGB copy + "
                    + "prepare against prepareBgr reading the cell in place, per CPU-second (default: 0, off).")
    int rawRounds;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> r = MegaDetectorPrepBench.run(images, width, height, size, rawRounds);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.pretty(r));
        } else {
            w.printf("megadetector pre/post-processing, 1 thread, %s images -> %d letterbox%n", r.get("image_size"), size);
            w.printf("  letterbox (prepare):            %8.1f images/s%n", (Double) r.get("prepare_images_per_s"));
            ((Map<?, ?>) r.get("postprocess")).forEach((layout, v) -> {
                Map<?, ?> m = (Map<?, ?>) v;
                w.printf("  decode+NMS %-11s %-15s %8.1f images/s (prepare+decode %.1f/s, %s boxes kept)%n", layout,
                        m.get("output_shape"), (Double) m.get("decode_images_per_s"),
                        (Double) m.get("prepare_plus_decode_images_per_s"), m.get("boxes_after_nms"));
            });
            RawBgrLines.print(w, r.get("raw_bgr"));
        }
        w.flush();
        return ExitCodes.OK;
    }
}
