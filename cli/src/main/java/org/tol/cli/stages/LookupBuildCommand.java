package org.tol.cli.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.cli.StageOptions;
import org.tol.stages.lookup.LookupBuildStage;
import org.tol.stages.lookup.LookupBuilder;
import org.tol.stages.lookup.LookupGroup;
import org.tol.stages.lookup.LookupGroups;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol lookup build}: a group's lookup table, cut into batches of at most N data files. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Selects a group's rows from ATTR (a preset of the reference, or --where SQL), joins INDEX on uuid"
                + " and writes OUT/group_id=<k>/part-00000.parquet (path + the group's columns); batch k holds the"
                + " sorted distinct paths k*N .. k*N+N-1. Rows with no path in INDEX are listed in"
                + " OUT/_missing_from_index.parquet.",
            "Relational work in DuckDB: memory stays under --memory-limit, the rest spills to a temp directory."})
public final class LookupBuildCommand implements Callable<Integer> {
    static final class Which {
        @Option(names = "--group", paramLabel = "NAME", description = "A preset (tol lookup groups).")
        String group;

        @Option(names = "--where", paramLabel = "SQL", description = "A SQL boolean expression over ATTR's columns"
                + " (quote names like \\\"order\\\"); all ATTR columns are kept.")
        String where;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Which which;

    @Option(names = "--attributes", required = true, split = ",", paramLabel = "ATTR",
            description = "The attributes table (the reference's cols_of_interest): Parquet file(s) or directories.")
    List<String> attributes;

    @Option(names = "--index", required = true, split = ",", paramLabel = "INDEX",
            description = "Parquet with at least uuid and path (tol lookup index output, or the reference's lookup_tables).")
    List<String> index;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @Option(names = "--multi-images", split = ",", paramLabel = "TABLE",
            description = "source_id_with_multiple_uuids (a source_id column); default: source_ids of ATTR with more"
                    + " than one distinct uuid.")
    List<String> multiImages;

    @Option(names = "--citizen-science", split = ",", paramLabel = "TABLE",
            description = "occurrence_citizen_science (needed by the citizen_science groups).")
    List<String> citizenScience;

    @Option(names = "--max-files-per-batch", defaultValue = "100", paramLabel = "N",
            description = "Distinct data files per batch (default: ${DEFAULT-VALUE}).")
    int maxFiles;

    @Option(names = "--seed", defaultValue = "614", paramLabel = "S",
            description = "Seed of the deterministic sampler (yale_plants) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--memory-limit", defaultValue = "4GB", paramLabel = "SIZE",
            description = "DuckDB memory limit, e.g. 4GB, 500MB (default: ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Option(names = "--threads", paramLabel = "N",
            description = "DuckDB threads (default: SLURM_CPUS_PER_TASK, else all cores).")
    Integer threads;

    @Mixin StageOptions stage;

    @Override
    public Integer call() {
        if (maxFiles < 1) {
            throw TolException.usage("--max-files-per-batch must be at least 1", null);
        }
        LookupGroup group = which.group != null ? LookupGroups.preset(which.group) : LookupGroup.where(which.where);
        int n = threads != null ? threads : defaultThreads();
        LookupBuilder.Options o = new LookupBuilder.Options(attributes, index, multiImages, citizenScience, group,
                maxFiles, seed, memoryLimit, n);
        List<String> inputs = new ArrayList<>(attributes);
        inputs.addAll(index);
        return stage.run(inputs, output, () -> new LookupBuildStage(o));
    }

    private static int defaultThreads() {
        String perTask = System.getenv("SLURM_CPUS_PER_TASK");
        if (perTask != null && perTask.trim().matches("\\d+") && Integer.parseInt(perTask.trim()) > 0) {
            return Integer.parseInt(perTask.trim());
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
