package org.tol.models.djl;

import org.tol.api.model.InferenceEngine;
import org.tol.api.model.InferenceEngineProvider;

/** Registers {@link PtEngine} with the engine registry (META-INF/services). */
public final class PtEngineProvider implements InferenceEngineProvider {
    @Override
    public String name() {
        return PtEngine.NAME;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public InferenceEngine engine() {
        return new PtEngine();
    }
}
