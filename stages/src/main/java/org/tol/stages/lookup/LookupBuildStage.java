package org.tol.stages.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;

/**
 * {@code tol lookup build} as a stage with one unit (the whole table): the runtime gives it the lock,
 * the atomic commit of every batch file with the manifest record last, resume (a finished build is not
 * redone) and exit codes; {@link LookupBuilder} does the work.
 */
public final class LookupBuildStage implements Stage {
    public static final String NAME = "lookup-build";

    private final LookupBuilder.Options options;

    public LookupBuildStage(LookupBuilder.Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>();
        LookupGroup g = options.group();
        f.put("group", g.name());
        if (g.reference().equals("--where")) {
            f.put("where", g.where());
        }
        f.put("attributes", String.join(",", options.attributes()));
        f.put("index", String.join(",", options.index()));
        f.put("multiImages", options.multiImages() == null ? "" : String.join(",", options.multiImages()));
        f.put("citizenScience", options.citizenScience() == null ? "" : String.join(",", options.citizenScience()));
        f.put("maxFilesPerBatch", String.valueOf(options.maxFilesPerBatch()));
        f.put("seed", String.valueOf(options.seed()));
        return f;
    }

    @Override
    public List<String> inputs() {
        List<String> in = new ArrayList<>(options.attributes());
        in.addAll(options.index());
        return in;
    }

    @Override
    public List<StageUnit> plan() throws java.io.IOException {
        long bytes = 0;
        for (Path f : LookupBuilder.tableFiles(inputs())) {
            bytes += Files.size(f);
        }
        return List.of(new StageUnit("lookup-build:" + options.group().name(),
                Path.of(options.attributes().get(0)).toAbsolutePath().normalize().toString(), bytes));
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        Path temp = out.scratch().resolve("duckdb");
        Files.createDirectories(temp);
        LookupBuilder.Result r = new LookupBuilder(options).build(temp, out::file);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("group", options.group().name());
        details.put("batches", r.batches());
        details.put("paths", r.paths());
        details.put("missingFromIndex", r.missing());
        details.put("rowsPerBatch", r.rowsPerBatch());
        out.progress(r.rows());
        return new UnitResult(r.rows(), List.of(), details);
    }
}
