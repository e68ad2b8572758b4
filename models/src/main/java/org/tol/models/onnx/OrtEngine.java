package org.tol.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tol.api.model.InferenceEngine;
import org.tol.api.model.ModelOptions;

/** {@code --engine onnx}: ONNX models on ONNX Runtime (CUDA / TensorRT / CPU). */
public final class OrtEngine implements InferenceEngine {
    public static final String NAME = "onnx";

    @Override
    public String name() {
        return NAME;
    }

    /** {@code .onnx}/{@code .ort} files, or a file that starts like an ONNX ModelProto (field 1, ir_version). */
    @Override
    public boolean accepts(Path modelFile) {
        String n = modelFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".onnx") || n.endsWith(".ort")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(modelFile)) {
            int first = in.read();
            int second = in.read();
            return first == 0x08 && second > 0 && second < 0x20; // ir_version is a small varint
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public OrtModel load(Path modelFile, ModelOptions options) throws Exception {
        OrtNatives.prepare(false); // GPU providers are unpacked by OrtSessions once the CUDA runtime was found
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "tol");
        return new OrtModel(env, OrtSessions.open(env, modelFile, options));
    }
}
