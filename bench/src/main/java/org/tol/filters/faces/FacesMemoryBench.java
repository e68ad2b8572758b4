package org.tol.filters.faces;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.tol.api.image.RgbImage;
import org.tol.api.model.Device;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.Tensor;
import org.tol.io.image.SyntheticImages;
import org.tol.models.EngineRegistry;

/**
 * {@code tol bench faces-memory}: the MTCNN nets with facenet-pytorch's real layer shapes
 * ({@link MtcnnArchitectureNets}), their face-logit biases calibrated so that a chosen share of P-Net cells,
 * R-Net and O-Net crops pass the filter's default thresholds on the sample generator's images, and the
 * measurements a run of {@code tol filter faces} on them reports from inside its JVM: peak RSS, heap,
 * CPU time and the JVM's native memory tracking summary (what is not in it is ONNX Runtime's and the
 * other native libraries' malloc).
 */
public final class FacesMemoryBench {
    private FacesMemoryBench() {}

    /**
     * Writes the nets into {@code dir}: once with zero biases to measure each net's face logits on
     * {@code images} sample-like images (P-Net on every pyramid level, R/O-Net on random square crops), then
     * with the biases that put the wanted share above each threshold.
     */
    public static Map<String, Object> writeCalibrated(Path dir, int images, double pnetRate, double rnetRate,
            double onetRate, long seed) throws Exception {
        Files.createDirectories(dir);
        MtcnnArchitectureNets nets = new MtcnnArchitectureNets(seed);
        nets.writeAll(dir, 0f, 0f, 0f);
        MtcnnOptions opt = MtcnnOptions.defaults();
        Random rnd = new Random(seed);
        List<Float> p = new ArrayList<>();
        List<Float> r = new ArrayList<>();
        List<Float> o = new ArrayList<>();
        ModelOptions cpu = new ModelOptions(Device.CPU, null, false, 0);
        EngineRegistry engines = EngineRegistry.load();
        try (MtcnnNets mtcnn = new MtcnnNets(engines.load(dir.resolve("pnet.onnx"), null, cpu),
                engines.load(dir.resolve("rnet.onnx"), null, cpu), engines.load(dir.resolve("onet.onnx"), null, cpu))) {
            FaceFilter filter = new FaceFilter(mtcnn, opt, "calibration");
            SummedAreaTable crops = new SummedAreaTable();
            for (int i = 0; i < images; i++) {
                RgbImage img = SyntheticImages.render(rnd, 720, 540);
                FaceInput in = filter.prepare(img);
                Pyramid pyr = opt.pyramid(in.size());
                for (int k = 0; k < pyr.levels(); k++) {
                    long[] shape = {1, 3, pyr.levelHeight(k), pyr.levelWidth(k)};
                    Tensor prob = mtcnn.pnet(new Tensor(in.levels()[k], shape)).prob();
                    int plane = (int) (prob.dim(2) * prob.dim(3));
                    for (int c = 0; c < plane; c += 7) { // a sample of the cells is enough for a quantile
                        p.add(logit(prob.data()[plane + c]));
                    }
                }
                crops.fill(in.work(), in.size(), in.size());
                for (int j = 0; j < 64; j++) {
                    int side = 20 + rnd.nextInt(300);
                    int x = rnd.nextInt(in.size() - side);
                    int y = rnd.nextInt(in.size() - side);
                    r.add(cropLogit(mtcnn, crops, x, y, side, MtcnnNets.RNET_SIZE));
                    o.add(cropLogit(mtcnn, crops, x, y, side, MtcnnNets.ONET_SIZE));
                }
            }
        }
        float[] t = opt.thresholds();
        float bp = logit(t[0]) - quantile(p, 1 - pnetRate);
        float br = logit(t[1]) - quantile(r, 1 - rnetRate);
        float bo = logit(t[2]) - quantile(o, 1 - onetRate);
        nets.writeAll(dir, bp, br, bo);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calibration_images", images);
        m.put("pnet_cell_rate", pnetRate);
        m.put("rnet_pass_rate", rnetRate);
        m.put("onet_pass_rate", onetRate);
        m.put("face_logit_biases", List.of(bp, br, bo));
        return m;
    }

    private static float cropLogit(MtcnnNets nets, SummedAreaTable crops, int x, int y, int side, int size) throws Exception {
        float[] data = new float[3 * size * size];
        crops.resizeNormalized(x, y, side, side, size, size, data, 0);
        Tensor in = new Tensor(data, new long[] {1, 3, size, size});
        float[] prob = size == MtcnnNets.RNET_SIZE ? nets.rnet(in).prob() : nets.onet(in).prob();
        return logit(prob[1]);
    }

    private static float logit(float p) {
        double q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
        return (float) Math.log(q / (1 - q));
    }

    private static float quantile(List<Float> values, double q) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        Arrays.sort(a);
        return a[(int) Math.min(a.length - 1, Math.max(0, Math.round(q * (a.length - 1))))];
    }

    /** This JVM's memory after a run: peak and current RSS, heap, threads, CPU seconds, NMT summary when enabled. */
    public static Map<String, Object> processMemory() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Long> status = procStatus();
        m.put("peak_rss_bytes", status.getOrDefault("VmHWM", -1L));
        m.put("rss_bytes", status.getOrDefault("VmRSS", -1L));
        m.put("rss_anon_bytes", status.getOrDefault("RssAnon", -1L));
        m.put("rss_file_bytes", status.getOrDefault("RssFile", -1L));
        Runtime rt = Runtime.getRuntime();
        m.put("max_heap_bytes", rt.maxMemory());
        m.put("committed_heap_bytes", rt.totalMemory());
        m.put("used_heap_bytes", rt.totalMemory() - rt.freeMemory());
        m.put("threads", status.getOrDefault("Threads", -1L));
        m.put("process_cpu_seconds", processCpuSeconds());
        m.put("nmt_committed_kb", nativeMemoryTracking());
        return m;
    }

    private static Map<String, Long> procStatus() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        Path p = Path.of("/proc/self/status");
        if (!Files.exists(p)) {
            return m;
        }
        for (String line : Files.readAllLines(p)) {
            int colon = line.indexOf(':');
            String v = line.substring(colon + 1).trim();
            if (v.endsWith(" kB")) {
                m.put(line.substring(0, colon), Long.parseLong(v.substring(0, v.length() - 3).trim()) * 1024);
            } else if (v.matches("\\d+")) {
                m.put(line.substring(0, colon), Long.parseLong(v));
            }
        }
        return m;
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.getCurrentThreadCpuTime() / 1e9;
    }

    private static final Pattern NMT_LINE = Pattern.compile("-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    /** Committed KB per NMT category ("Java Heap", "Thread", "Other" = direct buffers, ...), or null without NMT. */
    static Map<String, Long> nativeMemoryTracking() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            return null;
        }
        Map<String, Long> m = new LinkedHashMap<>();
        Matcher total = NMT_TOTAL.matcher(text);
        if (!total.find()) {
            return null; // "Native memory tracking is not enabled"
        }
        m.put("Total", Long.parseLong(total.group(2)));
        Matcher line = NMT_LINE.matcher(text);
        while (line.find()) {
            m.put(line.group(1).trim(), Long.parseLong(line.group(3)));
        }
        return m;
    }
}
