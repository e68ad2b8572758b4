package org.tol.cli.models;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.api.model.TensorSpec;
import org.tol.io.json.Json;
import org.tol.models.ModelDescription;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol models describe FILE}: engine, inputs/outputs (names, shapes, dtypes), TorchScript methods. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Prints a model's engine, inputs and outputs (names, shapes, dtypes; -1 = dynamic) and, for "
                + "TorchScript, its method names. Loads the model on the CPU.")
public final class ModelsDescribeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "An .onnx model or a TorchScript archive.")
    Path file;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "onnx | djl (default: by file type).")
    String engine;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelDescription d = ModelDescription.describe(file, engine);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(d.toMap()));
            return ExitCodes.OK;
        }
        out.println("file:    " + d.file());
        out.println("engine:  " + d.engine() + " (" + d.runtime() + ")");
        if (!d.methods().isEmpty()) {
            out.println("methods: " + String.join(", ", d.methods()));
            out.println("         (TorchScript declares no tensor shapes; tol checks them with a probe batch)");
        }
        for (TensorSpec s : d.inputs()) {
            out.println("input:   " + s);
        }
        for (TensorSpec s : d.outputs()) {
            out.println("output:  " + s);
        }
        for (Map.Entry<String, String> e : d.metadata().entrySet()) {
            out.println("meta:    " + e.getKey() + " = " + e.getValue());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
