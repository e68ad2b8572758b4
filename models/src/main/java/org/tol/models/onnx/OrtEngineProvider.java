package org.tol.models.onnx;

import org.tol.api.model.InferenceEngine;
import org.tol.api.model.InferenceEngineProvider;

/** Registers {@link OrtEngine} with the engine registry (META-INF/services). */
public final class OrtEngineProvider implements InferenceEngineProvider {
    @Override
    public String name() {
        return OrtEngine.NAME;
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public InferenceEngine engine() {
        return new OrtEngine();
    }
}
