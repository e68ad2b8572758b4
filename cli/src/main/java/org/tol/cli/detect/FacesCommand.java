package org.tol.cli.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.cli.RuntimeOptions;
import org.tol.filters.faces.FaceFilter;
import org.tol.filters.faces.MtcnnNets;
import org.tol.filters.faces.MtcnnOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol filter faces}: the MTCNN cascade per image, as the reference's face filter. */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = "MTCNN face detection (facenet-pytorch nets as ONNX) on the 720x720-stretched image: "
                + "pred_label/pred_score by the reference's rule, and every face with box and landmarks in original pixels.")
public final class FacesCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;

    @Option(names = "--pnet", paramLabel = "FILE", description = "P-Net ONNX file.")
    Path pnet;

    @Option(names = "--rnet", paramLabel = "FILE", description = "R-Net ONNX file.")
    Path rnet;

    @Option(names = "--onet", paramLabel = "FILE", description = "O-Net ONNX file.")
    Path onet;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Directory holding pnet.onnx, rnet.onnx and onet.onnx (instead of the three flags).")
    Path modelsDir;

    @Option(names = "--min-face", defaultValue = "20", paramLabel = "PX",
            description = "Smallest face in working-image pixels (default: ${DEFAULT-VALUE}).")
    double minFace;

    @Option(names = "--factor", defaultValue = "0.709", paramLabel = "F", description = "Pyramid scale step (default: ${DEFAULT-VALUE}).")
    double factor;

    @Option(names = "--thresholds", defaultValue = "0.9,0.95,0.95", split = ",", paramLabel = "P,R,O",
            description = "P-Net, R-Net, O-Net face probability thresholds (default: ${DEFAULT-VALUE}).")
    float[] thresholds;

    @Option(names = "--score-rule", defaultValue = "0.985", paramLabel = "S",
            description = "pred_score = mean face probability when above S, else 0 (default: ${DEFAULT-VALUE}).")
    float scoreRule;

    @Option(names = "--max-candidates", defaultValue = "512", paramLabel = "N",
            description = "R-Net/O-Net candidates per forward pass, bounding GPU memory on busy images (default: ${DEFAULT-VALUE}).")
    int maxCandidates;

    @Override
    public Integer call() throws Exception {
        MtcnnOptions options = new MtcnnOptions(minFace, factor, thresholds, scoreRule, maxCandidates, MtcnnOptions.WORK_SIZE);
        List<Path> files = netFiles();
        StringBuilder digest = new StringBuilder();
        for (Path f : files) {
            digest.append(digest.length() == 0 ? "" : ",").append(ModelFiles.sha256(f));
        }
        String digests = digest.toString();
        return runtime.run("faces", device -> new FaceFilter(loadNets(files, device), options, digests));
    }

    private List<Path> netFiles() {
        if (modelsDir != null) {
            if (pnet != null || rnet != null || onet != null) {
                throw TolException.usage("--models-dir and --pnet/--rnet/--onet exclude each other", "pass one or the other");
            }
            return List.of(ModelFiles.existing(modelsDir.resolve("pnet.onnx"), "--models-dir"),
                    ModelFiles.existing(modelsDir.resolve("rnet.onnx"), "--models-dir"),
                    ModelFiles.existing(modelsDir.resolve("onet.onnx"), "--models-dir"));
        }
        if (pnet == null || rnet == null || onet == null) {
            throw TolException.usage("the face filter needs --pnet, --rnet and --onet, or --models-dir DIR",
                    "'tol models demo faces --out DIR' writes demo nets; docs/detectors.md shows how to export facenet-pytorch's");
        }
        return List.of(ModelFiles.existing(pnet, "--pnet"), ModelFiles.existing(rnet, "--rnet"), ModelFiles.existing(onet, "--onet"));
    }

    private static MtcnnNets loadNets(List<Path> files, Device device) throws Exception {
        List<InferenceModel> loaded = new ArrayList<>();
        try {
            for (Path f : files) {
                loaded.add(ModelFiles.load(f, device));
            }
            return new MtcnnNets(loaded.get(0), loaded.get(1), loaded.get(2));
        } catch (Exception | Error e) {
            loaded.forEach(InferenceModel::close);
            throw e;
        }
    }
}
