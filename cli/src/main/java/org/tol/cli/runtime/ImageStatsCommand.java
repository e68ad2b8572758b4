package org.tol.cli.runtime;

import java.util.concurrent.Callable;
import org.tol.cli.RuntimeOptions;
import org.tol.filters.imagestats.ImageStatsFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tol filter image-stats}: width, height, channel means and pixel SHA-256 per image. */
@Command(name = "image-stats", mixinStandardHelpOptions = true,
        description = "Per image: width, height, mean_r/g/b and pixel_sha256 of the decoded RGB bytes (no model).")
public final class ImageStatsCommand implements Callable<Integer> {
    @Mixin RuntimeOptions runtime;

    @Override
    public Integer call() {
        return runtime.run(ImageStatsFilter.NAME, device -> new ImageStatsFilter());
    }
}
