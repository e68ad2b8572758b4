package org.tol.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.tol.api.TolException;
import org.tol.api.model.InferenceEngine;
import org.tol.api.model.InferenceEngineProvider;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;

/**
 * Finds inference engines registered through {@code META-INF/services} and picks one by {@code --engine} name or
 * by the model file (lowest rank among engines that accept it).
 */
public final class EngineRegistry {
    private final List<InferenceEngineProvider> providers;

    public EngineRegistry(List<InferenceEngineProvider> providers) {
        List<InferenceEngineProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(InferenceEngineProvider::rank));
        this.providers = List.copyOf(sorted);
    }

    /** The engines on the class path. */
    public static EngineRegistry load() {
        List<InferenceEngineProvider> list = new ArrayList<>();
        ServiceLoader.load(InferenceEngineProvider.class).forEach(list::add);
        return new EngineRegistry(list);
    }

    public List<String> names() {
        return providers.stream().map(InferenceEngineProvider::name).toList();
    }

    /** The engine for {@code modelFile}: the named one when {@code name} is given, else the first that accepts it. */
    public InferenceEngine select(Path modelFile, String name) {
        if (!Files.isRegularFile(modelFile)) {
            throw new TolException("model file " + modelFile + " does not exist or is not a file",
                    "check the --model path; models/README.md explains how to get and export the models");
        }
        if (!Files.isReadable(modelFile)) {
            throw new TolException("model file " + modelFile + " is not readable by this user",
                    "check its permissions (chmod a+r) or copy it to a readable place");
        }
        if (name != null && !name.isBlank()) {
            for (InferenceEngineProvider p : providers) {
                if (p.name().equalsIgnoreCase(name.trim())) {
                    return p.engine();
                }
            }
            throw TolException.usage("unknown engine '" + name + "'", "use one of " + names());
        }
        for (InferenceEngineProvider p : providers) {
            InferenceEngine e = p.engine();
            if (e.accepts(modelFile)) {
                return e;
            }
        }
        if (isTorchSave(modelFile)) {
            throw TolException.usage(modelFile + " is a torch.save file (a support set or a state dict), not a runnable"
                    + " model", "pass it as --support-set; --model takes the image encoder: an .onnx export or a"
                    + " TorchScript archive (torch.jit.save), see models/README.md");
        }
        throw TolException.usage("no engine recognises " + modelFile + " (engines: " + names() + ")",
                "ONNX models end in .onnx, TorchScript archives in .pt/.jit; or pass --engine onnx|djl");
    }

    /** A torch.save zip (pickled data, no TorchScript code): what support sets and state dicts are. */
    private static boolean isTorchSave(Path file) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
            return z.stream().anyMatch(e -> e.getName().endsWith("data.pkl"))
                    && z.stream().noneMatch(e -> e.getName().contains("/code/"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Selects an engine and loads the model. */
    public InferenceModel load(Path modelFile, String engineName, ModelOptions options) throws Exception {
        return select(modelFile, engineName).load(modelFile, options);
    }
}
