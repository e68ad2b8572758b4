package org.tol.filters.clip;

import java.nio.file.Path;

/**
 * Options of {@code tol filter clip}: model file, engine ({@code onnx}/{@code djl}, null = by file type),
 * TorchScript method (null = {@code encode_image} for TorchScript archives), support set, top-k, whether to
 * store embeddings, TensorRT and the preprocessing size (336 for ViT-L/14@336).
 */
public record ClipConfig(Path model, String engine, String method, Path supportSet, int topK, boolean saveEmbeddings,
        boolean tensorRt, int imageSize) {
    public ClipConfig {
        if (topK < 1) {
            throw new IllegalArgumentException("--top-k must be at least 1, got " + topK);
        }
    }

    public static ClipConfig of(Path model, Path supportSet) {
        return new ClipConfig(model, null, null, supportSet, 1, false, false, 336);
    }
}
