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
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol support-set build}: create_support_set.py from local images. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Embeds labelled local images with a CLIP-signature model and writes the per-label k-means "
                + "centres ('label/i' when k > 1) and, optionally, the per-label means, as float64 (1, D) vectors.",
            "Or, with --prompts, embeds class prompts with CLIP's text encoder (zero-shot support set): "
                + "tol support-set build --prompts prompts.tsv --text-model clip-text.onnx --tokenizer tokenizer.json --out labels.pt"})
public final class SupportSetBuildCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--prompts", paramLabel = "FILE",
            description = "Text prompts: 'label<TAB>prompt' per line (several per label are ensembled), or bare labels with --template.")
    Path prompts;

    @Option(names = "--text-model", paramLabel = "FILE", description = "With --prompts: CLIP's text encoder (.onnx; input_ids int64 [N,77]).")
    Path textModel;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "With --prompts: CLIP's tokenizer.json.")
    Path tokenizer;

    @Option(names = "--template", defaultValue = "{}", paramLabel = "TEXT",
            description = "With --prompts: the prompt of a bare label, {} = the label (default: ${DEFAULT-VALUE}; e.g. 'a photo of a {}').")
    String template;

    @Option(names = "--list", paramLabel = "FILE",
            description = "CSV 'label,path[,k]', JSON [{label, path, k}], or create_support_set.py's JSON with local paths.")
    Path list;

    @Option(names = "--model", paramLabel = "FILE", description = "CLIP image encoder (.onnx or TorchScript).")
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
        if (prompts != null) {
            return fromPrompts();
        }
        if (list == null || model == null) {
            throw org.tol.api.TolException.usage("give --list and --model (images), or --prompts, --text-model and --tokenizer (text)",
                    "see 'tol support-set build --help'");
        }
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

    private int fromPrompts() throws Exception {
        if (textModel == null || tokenizer == null || list != null || model != null) {
            throw org.tol.api.TolException.usage("--prompts needs --text-model and --tokenizer, and no --list or --model",
                    "see 'tol support-set build --help'");
        }
        var texts = org.tol.filters.clip.text.TextSupportSetBuilder.readPrompts(prompts, template);
        var chosen = EngineRegistry.load().select(textModel, engine);
        try (InferenceModel loaded = chosen.load(textModel, new ModelOptions(Device.parse(device), method, false, 0));
                var tok = org.tol.filters.clip.text.ClipTokenizer.load(tokenizer)) {
            SupportSet set = new org.tol.filters.clip.text.TextSupportSetBuilder(loaded, tok, batchSize).build(texts);
            SupportSets.write(set, out);
            spec.commandLine().getOut().printf("embedded %d prompts; wrote %d labels x %d dims to %s%n", texts.size(), set.size(),
                    set.dim(), out);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
