package org.tol.filters.clip;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tol.api.TolException;
import org.tol.api.model.DType;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;

/**
 * Checks at start-up, before any data is read, that a model has the CLIP image-encoder signature: one image
 * input [N, 3, S, S] (float32/16/64) and an [N, D] embedding whose D equals the support set's. Declared ONNX
 * signatures are checked directly; TorchScript declares none, so a one-image probe batch is run instead.
 */
final class ClipSignature {
    private ClipSignature() {}

    static void check(InferenceModel model, Path file, int size, int supportDim) throws Exception {
        String expectedIn = "[N,3," + size + "," + size + "] float";
        String expectedOut = "[N," + supportDim + "] (D = the support set's vector length)";
        List<TensorSpec> in = model.inputs();
        if (!in.isEmpty()) {
            TensorSpec s = in.get(0);
            boolean floatType = s.dtype() == DType.FLOAT32 || s.dtype() == DType.FLOAT16 || s.dtype() == DType.FLOAT64;
            if (in.size() != 1 || !floatType || !s.fits(-1, 3, size, size)) {
                throw mismatch(file, "input", expectedIn, in.toString());
            }
        }
        List<TensorSpec> out = model.outputs();
        if (!out.isEmpty()) {
            TensorSpec s = out.get(0);
            if (!s.fits(-1, supportDim)) {
                throw mismatch(file, "output", expectedOut, out.toString());
            }
            if (!in.isEmpty() && s.shape().length == 2 && s.shape()[1] >= 0) {
                return; // fully declared and fitting: no probe needed
            }
        }
        List<Tensor> probe = model.run(List.of(new Tensor(new float[3 * size * size], new long[] {1, 3, size, size})));
        long[] shape = probe.isEmpty() ? new long[0] : probe.get(0).shape();
        if (shape.length != 2 || shape[0] != 1 || shape[1] != supportDim) {
            throw mismatch(file, "output", expectedOut, "a probe image of [1,3," + size + "," + size + "] gave "
                    + (probe.isEmpty() ? "no tensor" : Arrays.toString(shape).replace(" ", "")));
        }
    }

    private static TolException mismatch(Path file, String what, String expected, String actual) {
        return new TolException("model " + file + " does not fit the clip filter: " + what + " expected " + expected
                + ", actual " + actual, "use a CLIP image encoder (ViT-L/14@336: input [N,3,336,336], output [N,768]) "
                + "and a support set made with the same model; 'tol models describe FILE' shows a model's signature");
    }
}
