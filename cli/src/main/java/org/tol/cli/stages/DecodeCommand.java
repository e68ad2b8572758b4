package org.tol.cli.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tol.api.TolException;
import org.tol.cli.StageOptions;
import org.tol.io.image.ImageEncoder;
import org.tol.stages.decode.DecodeStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tol decode}: images-in-Parquet to image files (or one tar per input file), on the rank runtime. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Writes every image as <uuid>.jpg|.png|.webp into OUT, or with --archive one OUT/<input>.tar[.gz]"
                + " per input file. Multi-rank and resumable; a bad image is a failure entry, not a dead rank.",
            "Unsafe uuids (../x, a/b, empty, >200 bytes) become _unsafe-<sha256 prefix>; repeats get _1, _2 (listed in"
                    + " checkpoints_rank{R}/outputs.jsonl)."})
public final class DecodeCommand implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, split = ",", paramLabel = "IN",
            description = "Parquet file(s), directories (recursive *.parquet) or a .txt list of paths.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory (resumable).")
    Path output;

    @Option(names = "--format", defaultValue = "jpeg", paramLabel = "FMT",
            description = "jpeg | png (lossless) | webp (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--quality", defaultValue = "95", paramLabel = "Q",
            description = "JPEG/WebP quality 1-100 (WebP 101 = lossless; the reference used Pillow's implicit 75)"
                    + " (default: ${DEFAULT-VALUE}).")
    int quality;

    @Option(names = "--archive", defaultValue = "none", paramLabel = "KIND",
            description = "none | tar | tar.gz: one archive per input file, streamed (default: ${DEFAULT-VALUE}).")
    String archive;

    @Mixin StageOptions stage;

    @Override
    public Integer call() {
        ImageEncoder.Format fmt;
        try {
            fmt = ImageEncoder.Format.parse(format);
            new ImageEncoder(fmt, quality);
        } catch (IllegalArgumentException e) {
            throw TolException.usage(e.getMessage(), "see tol decode --help");
        }
        DecodeStage.Archive kind = switch (archive.toLowerCase(Locale.ROOT)) {
            case "none" -> DecodeStage.Archive.NONE;
            case "tar" -> DecodeStage.Archive.TAR;
            case "tar.gz", "tgz" -> DecodeStage.Archive.TAR_GZ;
            default -> throw TolException.usage("unknown --archive '" + archive + "'", "none, tar or tar.gz");
        };
        return stage.run(inputs, output, () -> new DecodeStage(inputs, output, fmt, quality, kind));
    }
}
