package org.tol.cli.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.checkpoint.OutLayout;
import org.tol.io.json.Json;
import org.tol.runtime.status.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol verify OUT}: is OUT complete and intact? Checks plan, inputs, manifests and part checksums. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks OUT against its plan, its inputs and its manifests (every part's size and checksum) "
                + "and lists what is missing, damaged or stale; exit 0 when all is in order, 3 otherwise.")
public final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The --output directory of a filter run.")
    Path out;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> report = OutputErrors.oneLine(out, () -> VerifyReport.build(new OutLayout(out.toAbsolutePath())));
        spec.commandLine().getOut().println(json ? Json.pretty(report) : VerifyReport.text(report));
        spec.commandLine().getOut().flush();
        return Boolean.TRUE.equals(report.get("ok")) ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
