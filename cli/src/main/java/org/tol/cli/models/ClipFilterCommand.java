package org.tol.cli.models;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.cli.RuntimeOptions;
import org.tol.filters.clip.ClipConfig;
import org.tol.filters.clip.ClipFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol filter clip}: CLIP embedding + nearest support vector per image (run_clip_distributed.py). */
@Command(name = "clip", mixinStandardHelpOptions = true,
        description = "CLIP ViT-L/14@336 image embedding, cosine similarity to a support set, top-1 label and score "
                + "per image (columns pred_label, pred_score; optional top_labels/top_scores, embedding).")
public final class ClipFilterCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Image encoder: .onnx ([N,3,336,336] -> [N,D]) or TorchScript (e.g. OpenAI's ViT-L-14-336px.pt).")
    Path model;

    @Option(names = "--support-set", required = true, paramLabel = "FILE", description = "{label: vector} file: .pt, .npz, .json or .parquet.")
    Path supportSet;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "onnx | djl (default: by file type).")
    String engine;

    @Option(names = "--method", paramLabel = "NAME", description = "TorchScript method (default for TorchScript: encode_image).")
    String method;

    @Option(names = "--top-k", defaultValue = "1", paramLabel = "K", description = "Also store the K best labels and scores when K > 1 (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--save-embeddings", description = "Store each image's raw embedding (D floats) for later re-classification.")
    boolean saveEmbeddings;

    @Option(names = "--trt", description = "Try ONNX Runtime's TensorRT provider first (needs TensorRT 10 on the node).")
    boolean tensorRt;

    @Override
    public Integer call() {
        ClipConfig cfg = new ClipConfig(model, engine, method, supportSet, topK, saveEmbeddings, tensorRt, 336);
        return runtime.run("clip", device -> new ClipFilter(cfg, device));
    }
}
