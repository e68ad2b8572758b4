package org.tol.stages.wds;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tol.api.image.RgbImage;
import org.tol.io.image.RawBgr;
import org.tol.io.image.SyntheticImages;
import org.tol.wds.ShardWriter;
import org.tol.wds.taxon.Taxon;

/**
 * The work {@code tol bench wds-build} times: raw BGR rows (TOL-200M's image column, long side 720) → RGB →
 * Pillow-exact bicubic 224x224 → JPEG q100 → 11-member sample → shard file, one shard writer per thread; and,
 * when python3 has PIL, the reference's per-image loop (PIL resize BICUBIC, JPEG quality 100, tarfile) on the
 * same pixels.
 */
public final class WdsBuildBench {
    public record Result(long images, double seconds, double cpuSeconds, long shardBytes) {
        public double perCpuSecond() {
            return images / cpuSeconds;
        }
    }

    /**
     * Untimed images first, per thread: enough for C2 to compile the resampler's vectorised loops (the first
     * ~100 images run them interpreted or in C1, 2-5x slower), so the timed run measures steady state.
     */
    static final int WARMUP = 300;

    private WdsBuildBench() {}

    public static Result run(Path work, int width, int height, int images, int threads) throws Exception {
        byte[][] cells = cells(width, height);
        long[] size = {height, width};
        SampleFactory factory = new SampleFactory(WdsImageOptions.REFERENCE);
        Taxon taxon = Taxon.of("Animalia", "Chordata", "Aves", "Passeriformes", "Fringillidae", "Geospiza", "fuliginosa");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runOnce(work.resolve("warmup"), pool, threads, Math.min(images, WARMUP), cells, size, factory,
                    taxon, mx);
            long t0 = System.nanoTime();
            long[] cpuAndBytes = runOnce(work.resolve("run"), pool, threads, images, cells, size, factory,
                    taxon, mx);
            double dt = (System.nanoTime() - t0) / 1e9;
            return new Result((long) images / threads * threads, dt, cpuAndBytes[0] / 1e9, cpuAndBytes[1]);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static byte[][] cells(int width, int height) {
        byte[][] cells = new byte[8][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = RawBgr.fromRgb(SyntheticImages.render(new Random(i), width, height));
        }
        return cells;
    }

    private static long[] runOnce(Path dir, ExecutorService pool, int threads, int images, byte[][] cells,
            long[] size, SampleFactory factory, Taxon taxon, ThreadMXBean mx) throws Exception {
        List<Future<long[]>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int thread = t;
            fs.add(pool.submit(() -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                Path out = dir.resolve("t" + thread);
                try (ShardWriter w = new ShardWriter(out, ShardWriter.Options.DEFAULTS)) {
                    for (int i = 0; i < images / threads; i++) {
                        String key = "t" + thread + "_" + i;
                        // as WdsBuildStage does with a raw cell: resized as stored, no RGB copy
                        w.write(factory.sample(key, new SampleItem.BgrCell(cells[i % cells.length], (int) size[1],
                                (int) size[0]), taxon, ""));
                    }
                }
                long bytes = Files.size(out.resolve("shard-000000.tar"));
                return new long[] {mx.getCurrentThreadCpuTime() - cpu0, bytes};
            }));
        }
        long cpu = 0;
        long bytes = 0;
        for (Future<long[]> f : fs) {
            long[] r = f.get();
            cpu += r[0];
            bytes += r[1];
        }
        return new long[] {cpu, bytes};
    }

    /** images/s of the reference's PIL loop on one core, or -1 with the reason in {@code why[0]}. */
    public static double pillowLoop(Path work, int width, int height, int images, String[] why) throws IOException {
        Path raw = work.resolve("pil-input.rgb");
        Files.createDirectories(work);
        RgbImage img = SyntheticImages.render(new Random(0), width, height);
        Files.write(raw, img.pixels());
        String script = String.join("\n",
                "import io, sys, tarfile, time",
                "from PIL import Image",
                "w, h, n = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])",
                "px = open(sys.argv[1], 'rb').read()",
                "t = tarfile.open(sys.argv[5], 'w')",
                "t0 = time.process_time()",
                "for i in range(n):",
                "    im = Image.frombytes('RGB', (w, h), px).resize((224, 224), resample=Image.BICUBIC)",
                "    b = io.BytesIO(); im.save(b, format='JPEG', quality=100); data = b.getvalue()",
                "    ti = tarfile.TarInfo('%d.jpg' % i); ti.size = len(data); t.addfile(ti, io.BytesIO(data))",
                "    for ext in ('sci.txt', 'com.txt', 'taxon.txt', 'taxonTag.txt', 'sci_com.txt', 'taxon_com.txt',",
                "                'taxonTag_com.txt', 'scientific_name.txt', 'taxonomic_name.txt', 'common_name.txt'):",
                "        s = b'a photo of Geospiza fuliginosa.'",
                "        ti = tarfile.TarInfo('%d.%s' % (i, ext)); ti.size = len(s); t.addfile(ti, io.BytesIO(s))",
                "t.close()",
                "print(n / (time.process_time() - t0))");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, raw.toString(), Integer.toString(width),
                    Integer.toString(height), Integer.toString(images), work.resolve("pil.tar").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            why[0] = "python3 not found";
            return -1;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why[0] = out.contains("No module named 'PIL'") ? "python3 has no PIL (apt-get install python3-pil)"
                        : "python3 failed: " + out;
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why[0] = "interrupted";
            return -1;
        }
        String[] lines = out.split("\n");
        return Double.parseDouble(lines[lines.length - 1]);
    }
}
