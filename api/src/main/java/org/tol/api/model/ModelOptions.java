package org.tol.api.model;

/**
 * How to load a model. {@code method} names the TorchScript method to call (e.g. {@code encode_image}
 * of OpenAI's JIT CLIP archive; null = forward). {@code intraOpThreads} 0 = engine default.
 */
public record ModelOptions(Device device, String method, boolean tensorRt, int intraOpThreads) {
    public static ModelOptions cpu() {
        return new ModelOptions(Device.CPU, null, false, 0);
    }

    public ModelOptions withMethod(String m) {
        return new ModelOptions(device, m, tensorRt, intraOpThreads);
    }

    public ModelOptions withDevice(Device d) {
        return new ModelOptions(d, method, tensorRt, intraOpThreads);
    }
}
