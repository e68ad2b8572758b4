package org.tol.filters.clip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tol.io.json.Json;

/**
 * The reference side of {@code tol bench clip-preprocess --reference-python PY}: runs
 * {@code clip_preprocess_reference.py} (OpenAI CLIP's {@code _transform(336)} through torchvision, or the same
 * steps in Pillow + numpy where torchvision is missing) on the bench's own raw BGR cells, one thread
 * ({@code OMP_NUM_THREADS=1}, {@code torch.set_num_threads(1)}), and reads its JSON line.
 */
public final class ClipPreprocessReference {
    /** One run of the reference loop; {@code tensorSha256} is its float tensor of the first cell. */
    public record Result(String impl, long images, double seconds, double cpuSeconds, String tensorSha256,
            String versions) {
        public double imagesPerSecond() {
            return images / seconds;
        }

        public double imagesPerCpuSecond() {
            return images / cpuSeconds;
        }
    }

    private final String python;
    private final Path script;

    private ClipPreprocessReference(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** Writes the script into {@code work} (it ships inside the bench jar). */
    public static ClipPreprocessReference in(Path work, String python) throws IOException {
        Files.createDirectories(work);
        Path script = work.resolve("clip_preprocess_reference.py");
        try (InputStream in = ClipPreprocessReference.class.getResourceAsStream("clip_preprocess_reference.py")) {
            if (in == null) {
                throw new IOException("clip_preprocess_reference.py is missing from the bench jar; rebuild tol");
            }
            Files.write(script, in.readAllBytes());
        }
        return new ClipPreprocessReference(python, script);
    }

    /** One timed run of {@code seconds} (after the script's own warm-up) over {@code count} cells in {@code cells}. */
    public Result run(Path cells, int width, int height, int count, double seconds, String impl)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--cells", cells.toString(),
                "--width", Integer.toString(width), "--height", Integer.toString(height),
                "--count", Integer.toString(count), "--seconds", Double.toString(seconds), "--impl", impl));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("MKL_NUM_THREADS", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run the reference python '" + python + "': " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        long limit = (long) (seconds * 4) + 120;
        if (!p.waitFor(limit, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the reference python did not finish within " + limit + " s");
        }
        String[] lines = out.split("\n");
        String last = lines[lines.length - 1];
        if (p.exitValue() != 0 || !last.startsWith("{")) {
            String hint = out.contains("No module named 'numpy'")
                    ? " (install numpy: apt-get install python3-numpy; torchvision is optional: python3-torchvision)"
                    : out.contains("No module named 'PIL'") ? " (install Pillow: apt-get install python3-pil)" : "";
            throw new IOException("the reference python failed (exit " + p.exitValue() + ")" + hint + ": " + out);
        }
        JsonNode j = Json.mapper().readTree(last);
        return new Result(j.get("impl").asText(), j.get("images").asLong(), j.get("seconds").asDouble(),
                j.get("cpu_seconds").asDouble(), j.get("tensor_sha256").asText(),
                "python " + j.get("python").asText() + ", Pillow " + j.get("pillow").asText()
                        + (j.has("torch") ? ", torch " + j.get("torch").asText() : "")
                        + (j.has("torchvision") ? ", torchvision " + j.get("torchvision").asText() : ""));
    }
}
