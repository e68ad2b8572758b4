package org.tol.models;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.TensorSpec;
import org.tol.models.djl.PtModel;
import org.tol.models.onnx.OrtModel;

/**
 * What {@code tol models describe} reports: engine, inputs/outputs (ONNX) or method names (TorchScript, which
 * declares no shapes), and producer metadata.
 */
public record ModelDescription(Path file, String engine, String runtime, List<TensorSpec> inputs,
        List<TensorSpec> outputs, List<String> methods, Map<String, String> metadata) {

    /** Loads {@code file} on the CPU with the chosen (or detected) engine and describes it. */
    public static ModelDescription describe(Path file, String engineName) throws Exception {
        var engine = EngineRegistry.load().select(file, engineName);
        try (InferenceModel m = engine.load(file, ModelOptions.cpu())) {
            List<String> methods = m instanceof PtModel pt ? pt.methods() : List.of();
            Map<String, String> meta = m instanceof OrtModel ort ? new LinkedHashMap<>(ort.metadata()) : Map.of();
            return new ModelDescription(file, engine.name(), m.engine(), m.inputs(), m.outputs(), methods, meta);
        }
    }

    /** A JSON-friendly map (shapes as lists, -1 = dynamic). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("engine", engine);
        m.put("runtime", runtime);
        m.put("inputs", inputs.stream().map(ModelDescription::spec).toList());
        m.put("outputs", outputs.stream().map(ModelDescription::spec).toList());
        m.put("methods", methods);
        m.put("metadata", metadata);
        return m;
    }

    private static Map<String, Object> spec(TensorSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("shape", s.shape());
        m.put("dtype", s.dtype().name().toLowerCase());
        return m;
    }
}
