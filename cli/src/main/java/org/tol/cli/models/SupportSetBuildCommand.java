package org.tol.cli.models;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.filters.clip.ClipPreprocessor;
import org.tol.filters.clip.SupportSetBuilder;
import org.tol.filters.clip.SupportSetList;
import org.tol.models.EngineRegistry;
import org.tol.models.djl.PtEngine;
import org.tol.models.supportset.SupportSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol support-set build}: create_support_set.py from local images. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Embeds labelled local images with a CLIP-signature model and writes the per-label k-means "
                + "centres ('label/i' when k > 1) and, optionally, the per-label means, as float64 (1, D) vectors.")
public final class SupportSetBuildCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "FILE",
            description = "CSV 'label,path[,k]', JSON [{label, path, k}], or create_support_set.py's JSON with local paths.")
    Path list;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "CLIP image encoder (.onnx or TorchScript).")
    Path model;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "onnx | djl (default: by file type).")
    String engine;

    @Option(names = "--method", paramLabel = "NAME", description = "TorchScript method (default for TorchScript: encode_image).")
    String method;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Clustered support set (.pt, .npz or .json).")
    Path out;

    @Option(names = "--mean-out", paramLabel = "FILE", description = "Also write the per-label means here.")
    Path meanOut;

    @Option(names = "--k", defaultValue = "1", paramLabel = "K", description = "Clusters per label when the list gives none (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEV", description = "cpu | cuda | cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        List<SupportSetBuilder.Example> examples = SupportSetList.read(list, k);
        var chosen = EngineRegistry.load().select(model, engine);
        String m = method == null && chosen.name().equals(PtEngine.NAME) ? "encode_image" : method;
        try (InferenceModel loaded = chosen.load(model, new ModelOptions(Device.parse(device), m, false, 0))) {
            SupportSetBuilder.Result r = new SupportSetBuilder(loaded, new ClipPreprocessor(), batchSize).build(examples);
            SupportSets.write(r.clustered(), out);
            if (meanOut != null) {
                SupportSets.write(r.mean(), meanOut);
            }
            spec.commandLine().getOut().printf("embedded %d images; wrote %d vectors (%d labels) to %s%s%n", r.images(),
                    r.clustered().size(), r.mean().size(), out, meanOut == null ? "" : " and means to " + meanOut);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
