package org.tol.models.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceEngine;
import org.tol.api.model.ModelOptions;

/** {@code --engine djl}: TorchScript archives on libtorch through DJL (offline, CPU natives bundled). */
public final class PtEngine implements InferenceEngine {
    public static final String NAME = "djl";
    private static final Logger LOG = LoggerFactory.getLogger(PtEngine.class);
    private static final AtomicBoolean GPU_WARNED = new AtomicBoolean();

    @Override
    public String name() {
        return NAME;
    }

    /** {@code .pt/.pth/.jit/.torchscript} files, or any zip holding TorchScript code (a {@code code/} folder). */
    @Override
    public boolean accepts(Path modelFile) {
        String n = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".jit") || n.endsWith(".torchscript")) {
            return true;
        }
        try (ZipFile z = new ZipFile(modelFile.toFile())) {
            return z.stream().anyMatch(e -> e.getName().contains("/code/") || e.getName().endsWith("/constants.pkl"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public PtModel load(Path modelFile, ModelOptions options) {
        Engine engine = PtEnvironment.engine();
        Device device = options.device() == null ? Device.CPU : options.device();
        if (device.isCuda() && engine.getGpuCount() <= device.index()) {
            if (device.required()) {
                throw new TolException("--device " + device + ": libtorch sees " + engine.getGpuCount() + " GPU(s); the"
                        + " bundled libtorch is the CPU build", "on a GPU node set PYTORCH_FLAVOR=cu128 (or"
                        + " PYTORCH_LIBRARY_PATH to a CUDA libtorch 2.7.1), or export the model to ONNX, or pass --device"
                        + " auto to fall back to the CPU with a warning", ExitCodes.FAILURE, null);
            }
            if (GPU_WARNED.compareAndSet(false, true)) {
                LOG.warn("libtorch sees {} GPU(s), so {} is not usable: running TorchScript on the CPU. The bundled "
                        + "libtorch is the CPU build; on a GPU node set PYTORCH_FLAVOR=cu128 (or PYTORCH_LIBRARY_PATH to a "
                        + "CUDA libtorch 2.7.1) and allow DJL one online start to fetch it, or export the model to ONNX.",
                        engine.getGpuCount(), device);
            }
            device = Device.CPU;
        }
        if (options.intraOpThreads() > 0) {
            JniUtils.setNumThreads(options.intraOpThreads());
        }
        ai.djl.Device djlDevice = device.isCuda() ? ai.djl.Device.gpu(device.index()) : ai.djl.Device.cpu();
        PtNDManager manager = (PtNDManager) engine.newBaseManager(djlDevice);
        PtSymbolBlock block;
        try {
            block = JniUtils.loadModule(manager, modelFile, true, new String[0], new String[0], false);
        } catch (RuntimeException e) {
            manager.close();
            throw new TolException(modelFile + ": libtorch cannot load this file as a TorchScript archive: "
                    + e.getMessage(), "save the model with torch.jit.script(m).save(path) or torch.jit.trace; "
                    + "plain torch.save state dicts are not runnable models");
        }
        JniUtils.enableInferenceMode(block);
        List<String> methods = Arrays.asList(JniUtils.getMethodNames(block));
        String method = options.method() == null ? "forward" : options.method();
        if (!methods.contains(method)) {
            block.close();
            manager.close();
            throw TolException.usage(modelFile + " has no TorchScript method '" + method + "' (it has " + methods + ")",
                    "pass --method with one of those names (OpenAI's JIT CLIP archive: --method encode_image)");
        }
        return new PtModel(manager, block, device, method, methods, parameterType(block));
    }

    private static DataType parameterType(PtSymbolBlock block) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            NDArray a = p.getValue().getArray();
            if (a != null && a.getDataType().isFloating()) {
                return a.getDataType();
            }
        }
        return DataType.FLOAT32;
    }
}
