package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.cli.StageOptions;
import org.tol.stages.wds.ShardPublisher;
import org.tol.stages.wds.SplitIds;
import org.tol.stages.wds.Tol10mStage;
import org.tol.stages.wds.WdsImageOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol wds build-tol10m}: make_wds_reproduce.py over the TreeOfLife-10M reproduce layout. */
@Command(name = "build-tol10m", mixinStandardHelpOptions = true,
        description = {"Builds one TreeOfLife-10M split as make_wds_reproduce.py does, from ROOT/eol/*.tar.gz "
                + "(streamed), ROOT/bioscan/part<N>/ and ROOT/inat21/train/<class>/, ids and splits from --db, taxa "
                + "from --names; multi-rank and resumable like 'wds build'.",
            "Shards: OUT/shards/shard-NNNNNN.tar when every unit is done."})
public final class WdsBuildTol10mCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "DATA", description = "The dataset directory (data/TreeOfLife-10M/dataset).")
    Path root;

    @Option(names = "--db", required = true, paramLabel = "SQLITE", description = "mapping.sqlite with ids and the split table.")
    Path db;

    @Option(names = "--names", required = true, paramLabel = "DIR", description = "Directory with the *_name_lookup.json files.")
    Path names;

    @Option(names = "--split", required = true, paramLabel = "NAME", description = "val | train | train_small")
    String split;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @Option(names = "--rare-species", paramLabel = "DIR", description = "Directory with seen/unseen_in_training.json.")
    Path rareSpecies;







    @CommandLine.Mixin WdsShardOptions shards;

    @CommandLine.Mixin StageOptions runtime;

    @Override
    public Integer call() throws Exception {
        SplitIds.where(split);
        int[] wh = WdsImageOptions.parseSize(shards.size);
        Tol10mStage.Options o = new Tol10mStage.Options(root, db, names, split, rareSpecies,
                new WdsImageOptions(wh[0], wh[1], false, 100), shards.shardLimits(),
                shards.threads());
        int code = runtime.run(List.of(root.toString()), output, () -> new Tol10mStage(o));
        if (code != ExitCodes.OK && code != ExitCodes.INCOMPLETE) {
            return code;
        }
        ShardPublisher.Summary s = ShardPublisher.publish(output, shards.publishDir, (id, path, dir) -> {
            try (Tol10mStage stage = new Tol10mStage(o)) {
                stage.run(new org.tol.api.stage.StageUnit(id, path, 0), org.tol.stages.wds.UnitRepair.into(dir));
            }
        });
        // stdout holds the stage summary (JSON with --json); the publish result goes to stderr and build-summary.json
        PrintWriter out = spec.commandLine().getErr();
        if (!s.missingUnits().isEmpty()) {
            out.printf("%d of %d units not built yet; shards are published when all are done%n",
                    s.missingUnits().size(), s.units());
            return code;
        }
        out.printf("%d samples in %d shards -> %s; %d rows failed %s%n", s.samples(), s.shards(), s.shardsDir(),
                s.failedRows(), s.failuresByStatus());
        return s.complete() && s.failedRows() == 0 ? code : ExitCodes.INCOMPLETE;
    }
}
