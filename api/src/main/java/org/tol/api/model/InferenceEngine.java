package org.tol.api.model;

import java.nio.file.Path;

/**
 * Loads model files of one format. Implementations live in their own package/module and register an
 * {@link InferenceEngineProvider} through {@code META-INF/services}; nothing touches native libraries
 * until {@link #load} is called.
 */
public interface InferenceEngine {
    /** Stable name used by {@code --engine}: {@code onnx} or {@code djl}. */
    String name();

    /** True when this engine can read the file (by extension or magic bytes). */
    boolean accepts(Path modelFile);

    /** Loads the model; may touch the GPU. A failed CUDA load falls back to CPU with one warning. */
    InferenceModel load(Path modelFile, ModelOptions options) throws Exception;
}
