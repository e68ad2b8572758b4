package org.tol.cli.detect;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.demo.PlantedDetectorModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol models demo megadetector --out FILE}: a tiny detector with a MegaDetector output layout. */
@Command(name = "megadetector", mixinStandardHelpOptions = true,
        description = "Writes a tiny ONNX detector in a MegaDetector layout: an animal box scored by the image's "
                + "mean red, a person box by green, a vehicle box by blue (each minus 0.25). Not a real detector.")
public final class DemoMegaDetectorCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "ONNX file to write.")
    Path out;

    @Option(names = "--layout", defaultValue = "END_TO_END", paramLabel = "L",
            description = "END_TO_END (MDv6/YOLOv10), YOLOV5 (MDv5) or YOLOV8 (MDv1000) (default: ${DEFAULT-VALUE}).")
    PlantedDetectorModel.Layout layout;

    @Option(names = "--image-size", defaultValue = "640", paramLabel = "S", description = "Input side (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Override
    public Integer call() throws Exception {
        PlantedDetectorModel.demo(imageSize).write(out, layout);
        spec.commandLine().getOut().printf("wrote %s (%s layout, input [N,3,%d,%d])%n", out, layout, imageSize, imageSize);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
