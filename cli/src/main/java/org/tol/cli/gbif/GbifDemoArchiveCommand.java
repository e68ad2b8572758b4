package org.tol.cli.gbif;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.gbif.demo.DemoArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol gbif demo-archive} (hidden; used by the quickstart): a small DwC-A from images-in-Parquet. */
@Command(name = "demo-archive", hidden = true, mixinStandardHelpOptions = true,
        description = "Writes the images of Parquet INPUT as JPEGs under WWW and a GBIF-like DwC-A whose URLs point "
                + "at BASE_URL (plus one missing image and one duplicated URL).")
public final class GbifDemoArchiveCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, split = ",", description = "Images-in-Parquet (files, folders).")
    List<String> input;

    @Option(names = "--www", required = true, description = "Folder the JPEGs go to (served at BASE_URL).")
    Path www;

    @Option(names = "--base-url", required = true, description = "URL prefix of WWW, e.g. http://127.0.0.1:8000.")
    String baseUrl;

    @Option(names = "--max-images", defaultValue = "24", description = "Images taken (default: ${DEFAULT-VALUE}).")
    int maxImages;

    @Option(names = "--out", required = true, description = "The archive zip to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        DemoArchive.Summary s = DemoArchive.build(input, www, baseUrl, maxImages, out);
        spec.commandLine().getOut().printf("wrote %s: %d image URLs in %d occurrences%n", s.archive(), s.images(),
                s.occurrences());
        return ExitCodes.OK;
    }
}
