package org.tol.cli.gbif;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.GbifImage;
import org.tol.gbif.GbifImages;
import org.tol.gbif.fetch.Selection;
import org.tol.gbif.tools.VerifyJob;
import org.tol.io.json.Json;
import org.tol.runtime.exec.SignalHandlers;
import org.tol.runtime.exec.StopFlag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif verify}: ami-dataset verify-images, checkpointed and resumable without duplicate errors. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Decodes every image file of the DwC-A selection and writes RESULTS (DwC-A columns, image_path, "
                + "width, height, fetch_date, file_size, corrupted; decodable files only) and RESULTS.error.csv "
                + "(image_path of undecodable files), rewritten atomically every --save-freq images.",
            "Resume with --resume-from-ckpt RESULTS (also accepts the reference's checkpoints)."})
public final class GbifVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset-path", required = true, paramLabel = "DIR", description = "Folder of fetched images.")
    Path datasetPath;

    @Option(names = "--dwca-file", required = true, paramLabel = "DWCA", description = "Darwin Core Archive (zip or folder).")
    Path dwcaFile;

    @Option(names = "--results-csv", required = true, paramLabel = "CSV", description = "Verification results to write.")
    Path resultsCsv;

    @Option(names = "--num-workers", defaultValue = "8", description = "Decoding threads (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--resume-from-ckpt", paramLabel = "CSV", description = "Results of an earlier (interrupted) run.")
    Path resume;

    @Option(names = "--save-freq", defaultValue = "10000", paramLabel = "N",
            description = "Checkpoint every N images (default: ${DEFAULT-VALUE}).")
    int saveFreq;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @CommandLine.Mixin SubsetOptions subset;

    @Override
    public Integer call() throws Exception {
        GbifImages.Loaded loaded = GbifImages.load(dwcaFile);
        List<GbifImage> images = Selection.select(loaded.images(), subset.subsetKey, subset.keys(), 0, 0,
                Selection.Shard.ALL);
        StopFlag stop = new StopFlag();
        SignalHandlers.install(stop, 60);
        VerifyJob.Summary s = new VerifyJob(images, datasetPath, resultsCsv, saveFreq, workers, stop).run(resume);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d images: %d verified now, %d from the checkpoint; %d ok, %d corrupted, %d missing -> %s, %s%s%n",
                    s.images(), s.verified(), s.resumed(), s.ok(), s.corrupted(), s.missing(), s.resultsCsv(),
                    s.errorCsv(), s.interrupted() ? "; interrupted, resume with --resume-from-ckpt " + s.resultsCsv() : "");
        }
        return s.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
