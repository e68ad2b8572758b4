package org.tol.stages.pdq;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.api.image.RgbImage;
import org.tol.io.json.Json;

/**
 * Runs a build of Meta's C++ PDQ core (a small driver built outside this repository, see docs/pdq.md) on the
 * same RGB arrays as {@link PdqBench}: {@code DRIVER FILE WIDTH HEIGHT SECONDS}, where FILE holds the arrays
 * back to back. The driver prints one JSON line with its hashes/s and process CPU seconds on stdout and
 * {@code hex quality} per array on stderr, which lets the bench check that both sides hash the same bits.
 */
final class PdqReferenceDriver {
    /** One timed run of the driver, and the hashes it printed for the arrays (in order). */
    record Run(double hashesPerSecond, double hashesPerCpuSecond, long hashes, double seconds, double cpuSeconds,
            List<String> hashes256) {}

    private final Path driver;
    private final Path arrays;
    private final int width;
    private final int height;

    private PdqReferenceDriver(Path driver, Path arrays, int width, int height) {
        this.driver = driver;
        this.arrays = arrays;
        this.width = width;
        this.height = height;
    }

    /** Writes the arrays to a temporary file for the driver; {@link #close} removes it. */
    static PdqReferenceDriver prepare(Path driver, RgbImage[] images) throws IOException {
        if (!Files.isExecutable(driver)) {
            throw TolException.usage("--reference-cmd " + driver + " is not an executable file",
                    "build Meta's PDQ core and the driver as docs/pdq.md shows, then pass its path");
        }
        Path file = Files.createTempFile("tol-pdq-bench-", ".rgb");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (RgbImage img : images) {
                out.write(img.pixels());
            }
        }
        return new PdqReferenceDriver(driver, file, images[0].width(), images[0].height());
    }

    /** Hashes for {@code seconds} (after the driver's own 1 s warm-up). */
    @SuppressWarnings("unchecked")
    Run run(double seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(driver.toString(), arrays.toString(), Integer.toString(width),
                Integer.toString(height), Double.toString(seconds)).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String line = stdout.lines().filter(l -> l.startsWith("{")).findFirst().orElse(null);
        if (code != 0 || line == null) {
            throw new TolException("reference driver " + driver + " failed (exit " + code + "): " + stdout + stderr, null);
        }
        Map<String, Object> m = Json.mapper().readValue(line, Map.class);
        List<String> hashes = new ArrayList<>();
        stderr.lines().filter(l -> l.matches("[0-9a-f]{64} \\d+")).forEach(hashes::add);
        return new Run(num(m, "hashesPerSecond"), num(m, "hashesPerCpuSecond"), (long) num(m, "hashes"),
                num(m, "seconds"), num(m, "cpuSeconds"), hashes);
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new TolException("reference driver printed no '" + key + "': " + m, null);
        }
        return n.doubleValue();
    }

    void close() throws IOException {
        Files.deleteIfExists(arrays);
    }
}
