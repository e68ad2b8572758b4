package org.tol.cli.detect;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.model.InferenceModel;
import org.tol.cli.RuntimeOptions;
import org.tol.filters.megadetector.MegaDetectorFilter;
import org.tol.filters.megadetector.MegaDetectorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol filter megadetector}: animal/person/vehicle boxes and the empty-frame decision per image. */
@Command(name = "megadetector", mixinStandardHelpOptions = true,
        description = "MegaDetector (v5 YOLOv5, v1000 YOLOv8/v9/v11 or v6 YOLOv10 ONNX export) per image: counts, "
                + "is_empty and every box down to --keep-boxes-above, in MegaDetector's normalised [x, y, w, h].")
public final class MegaDetectorCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The detector as an ONNX file.")
    Path model;

    @Option(names = "--image-size", defaultValue = "640", paramLabel = "S",
            description = "Letterbox side; must match the export (default: ${DEFAULT-VALUE}, as the reference ran MDv6).")
    int imageSize;

    @Option(names = "--conf", defaultValue = "0.2", paramLabel = "C",
            description = "Animal boxes with conf > C (strictly) count; none makes the image empty (default: ${DEFAULT-VALUE}).")
    float conf;

    @Option(names = "--iou", paramLabel = "IOU",
            description = "NMS IoU (default: 0.45 for YOLOv5 layouts, 0.7 for YOLOv8-style; end-to-end models have no NMS).")
    Float iou;

    @Option(names = "--keep-boxes-above", defaultValue = "0.005", paramLabel = "C",
            description = "Store boxes with conf > C so the empty decision can be re-made later (default: ${DEFAULT-VALUE}).")
    float keepBoxesAbove;

    @Override
    public Integer call() throws Exception {
        MegaDetectorOptions options = new MegaDetectorOptions(imageSize, conf, iou, keepBoxesAbove);
        Path file = ModelFiles.existing(model, "--model");
        String digest = ModelFiles.sha256(file);
        return runtime.run("megadetector", device -> {
            InferenceModel m = ModelFiles.load(file, device);
            try {
                return new MegaDetectorFilter(m, options, digest);
            } catch (Exception | Error e) {
                m.close();
                throw e;
            }
        });
    }
}
