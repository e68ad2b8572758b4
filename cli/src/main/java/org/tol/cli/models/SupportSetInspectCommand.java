package org.tol.cli.models;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import org.tol.models.supportset.SupportVector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tol support-set inspect FILE}: per label in order, shape, dtype and L2 norm. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Lists a support set's labels in file order with shape, dtype and L2 norm (.pt is read with "
                + "a safe unpickler that never runs code; .npz, .json and .parquet are accepted too).")
public final class SupportSetInspectCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Support set file.")
    Path file;

    @Option(names = "--json", description = "Print JSON (also the first 4 values of each vector).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SupportSet set = SupportSets.read(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SupportVector v : set.vectors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", v.label());
                m.put("shape", v.shape());
                m.put("dtype", v.dtype().name().toLowerCase());
                m.put("norm", v.norm());
                m.put("first4", Arrays.copyOf(v.values(), Math.min(4, v.dim())));
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("format", set.format());
            doc.put("labels", set.size());
            doc.put("dim", set.dim());
            doc.put("vectors", rows);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            out.printf("%s: %d labels, dim %d (%s)%n", file, set.size(), set.dim(), set.format());
            for (SupportVector v : set.vectors()) {
                out.printf("%-40s %-10s %-8s %10.6f%n", v.label(), Arrays.toString(v.shape()).replace(" ", ""),
                        v.dtype().name().toLowerCase(), v.norm());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
