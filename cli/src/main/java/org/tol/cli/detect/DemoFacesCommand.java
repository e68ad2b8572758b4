package org.tol.cli.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.filters.demo.PlantedMtcnnModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol models demo faces --out DIR}: tiny P/R/O-Nets with facenet-pytorch's signatures. */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = "Writes pnet.onnx, rnet.onnx and onet.onnx with facenet-pytorch's MTCNN signatures that "
                + "'see' a face in bright red patches. Not a real face detector.")
public final class DemoFacesCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the three nets into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        PlantedMtcnnModels.demo().writeAll(out);
        spec.commandLine().getOut().printf("wrote %s/{pnet,rnet,onet}.onnx%n", out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
