package org.tol.cli.models;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.demo.DemoClipModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol models demo clip --out FILE}: writes the quickstart's demo CLIP-signature model (NOT CLIP). */
@Command(name = "clip", mixinStandardHelpOptions = true,
        description = "Writes a DEMO ONNX model with the CLIP ViT-L/14@336 image-encoder signature "
                + "(image [N,3,336,336] -> embedding [N,64]). It is NOT CLIP: pooled colours times a fixed "
                + "random matrix, for trying the pipeline only.")
public final class DemoClipCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the .onnx file.")
    Path out;

    @Option(names = "--support-set-out", paramLabel = "FILE",
            description = "Also write a matching demo support set (.pt/.npz/.json): solid-colour images embedded by the demo model.")
    Path supportSetOut;

    @Override
    public Integer call() throws Exception {
        DemoClipModel.writeDemo(out);
        spec.commandLine().getOut().println("wrote " + out + ": " + DemoClipModel.DEMO_NOTICE);
        if (supportSetOut != null) {
            DemoClipModel.writeDemoSupportSet(out, supportSetOut);
            spec.commandLine().getOut().println("wrote demo support set " + supportSetOut);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
