package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.cli.StageOptions;
import org.tol.stages.wds.ShardPublisher;
import org.tol.stages.wds.WdsBuildOptions;
import org.tol.stages.wds.WdsBuildStage;
import org.tol.stages.wds.WdsImageOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol wds build}: images-in-Parquet rows with taxonomy → 11-member WebDataset shards, on the runtime. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds WebDataset shards from Parquet rows (uuid, image, sizes, kingdom..species, common): "
                + "jpg (Pillow-exact bicubic resize, JPEG) + the ten TreeOfLife-10M text members, key = uuid.",
            "Multi-rank (srun, tol launch, --mpj); resumable; when every unit is done the shards are published as "
                + "OUT/shards/shard-NNNNNN.tar (+ .tar.json manifests) and OUT/build-summary.json."})
public final class WdsBuildCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "PARQUET",
            description = "Parquet files, directories or .txt lists.")
    List<String> input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory.")
    Path output;

    @Option(names = "--taxa", split = ",", paramLabel = "PARQUET",
            description = "Side table(s) with uuid + kingdom..species (+ common) for rows without those columns.")
    List<String> taxa = List.of();


    @Option(names = "--keep-aspect", description = "Fit inside WxH keeping the aspect ratio (the reference does not).")
    boolean keepAspect;

    @Option(names = "--quality", defaultValue = "100", paramLabel = "Q", description = "JPEG quality (default: ${DEFAULT-VALUE}, webdataset's).")
    int quality;

    @Option(names = "--split", paramLabel = "NAME", description = "Only this split: train | val | train_small (needs --splits).")
    String split;

    @Option(names = "--splits", paramLabel = "SQLITE", description = "mapping.sqlite with the split table ('tol wds splits').")
    Path splits;

    @Option(names = "--rare-species", paramLabel = "DIR", description = "Directory with seen_in_training.json / unseen_in_training.json.")
    Path rareSpecies;






    @CommandLine.Mixin WdsShardOptions shards;

    @CommandLine.Mixin StageOptions runtime;

    @Override
    public Integer call() throws Exception {
        if ((split == null) != (splits == null)) {
            throw new IllegalArgumentException("--split and --splits go together");
        }
        if (split != null) {
            org.tol.stages.wds.SplitIds.where(split); // validates the name before any work
        }
        int[] wh = WdsImageOptions.parseSize(shards.size);
        int t = shards.threads();
        WdsBuildOptions o = new WdsBuildOptions(input, taxa, new WdsImageOptions(wh[0], wh[1], keepAspect, quality),
                shards.shardLimits(), split, splits, rareSpecies, t);
        int code = runtime.run(input, output, () -> new WdsBuildStage(o));
        if (code != ExitCodes.OK && code != ExitCodes.INCOMPLETE) {
            return code;
        }
        ShardPublisher.Summary s = ShardPublisher.publish(output, shards.publishDir, (id, path, dir) -> {
            try (WdsBuildStage stage = new WdsBuildStage(o)) {
                stage.run(new org.tol.api.stage.StageUnit(id, path, 0), org.tol.stages.wds.UnitRepair.into(dir));
            }
        });
        // stdout holds the stage summary (JSON with --json); the publish result goes to stderr and build-summary.json
        PrintWriter out = spec.commandLine().getErr();
        if (!s.missingUnits().isEmpty()) {
            out.printf("%d of %d units not built yet (other ranks still running, or failed: see "
                    + "logs/failed_files_rank*.log); shards are published when all are done%n",
                    s.missingUnits().size(), s.units());
            return code;
        }
        out.printf("%d samples in %d shards -> %s; %d rows failed %s%s%n", s.samples(), s.shards(), s.shardsDir(),
                s.failedRows(), s.failuresByStatus(),
                s.duplicateKeysDropped() > 0 ? "; " + s.duplicateKeysDropped() + " duplicate keys dropped" : "");
        // 3 whenever the published build has failed rows (listed in build-summary.json), also on a rerun that had
        // nothing left to do, or a damaged unit shard could not be repaired (then nothing was published).
        return s.complete() && s.failedRows() == 0 ? code : ExitCodes.INCOMPLETE;
    }
}
