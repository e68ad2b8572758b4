package org.tol.api.model;

import java.util.List;

/**
 * A loaded model. Thread-safety: {@link #run} may be called from one thread at a time (the rank's
 * inference thread); the owner closes it once. Loading (and any GPU work) happened in
 * {@link InferenceEngine#load}.
 */
public interface InferenceModel extends AutoCloseable {
    /** Engine name, e.g. {@code onnxruntime} or {@code pytorch}. */
    String engine();

    /** The device the model actually runs on (after any CPU fallback). */
    Device device();

    /** Declared inputs of the method this model runs ({@code forward} or the chosen method). */
    List<TensorSpec> inputs();

    /** Declared outputs; TorchScript does not declare them, so this may be empty there. */
    List<TensorSpec> outputs();

    /** Runs the model; outputs come back in declaration order as float32. */
    List<Tensor> run(List<Tensor> inputs) throws Exception;

    @Override
    void close();
}
