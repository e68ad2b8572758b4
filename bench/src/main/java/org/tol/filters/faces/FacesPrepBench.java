package org.tol.filters.faces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tol.api.image.RgbImage;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;
import org.tol.filters.RawCellHandOffBench;
import org.tol.io.image.SyntheticImages;

/**
 * {@code tol bench faces-prep}: single-thread (= per core) throughput of MTCNN's CPU work: the 720x720
 * stretch plus the 11-level pyramid (the filter's prepare), and the cascade's own CPU work (box
 * generation, NMS, regression, R/O-Net crops) run against synthetic nets that return instantly with a
 * fixed share of face-like cells, so only tol's pre/post-processing is timed.
 */
public final class FacesPrepBench {
    private FacesPrepBench() {}

    public static Map<String, Object> run(int images, int width, int height, int batch, double pnetFireRate) throws Exception {
        return run(images, width, height, batch, pnetFireRate, 0);
    }

    /** With {@code rawRounds > 0}, also the raw-BGR hand-off against decode + prepare ({@link RawCellHandOffBench}). */
    public static Map<String, Object> run(int images, int width, int height, int batch, double pnetFireRate, int rawRounds)
            throws Exception {
        List<RgbImage> inputs = new ArrayList<>();
        for (int i = 0; i < Math.min(images, 8); i++) {
            inputs.add(SyntheticImages.render(new Random(i), width, height));
        }
        MtcnnNets nets = new MtcnnNets(new SyntheticNet(0, pnetFireRate), new SyntheticNet(24, 0.3), new SyntheticNet(48, 0.5));
        FaceFilter filter = new FaceFilter(nets, MtcnnOptions.defaults(), "bench");
        filter.prepare(inputs.get(0)); // warm-up
        long t0 = System.nanoTime();
        List<FaceInput> prepared = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            FaceInput in = filter.prepare(inputs.get(i % inputs.size()));
            if (prepared.size() < batch) {
                prepared.add(in);
            }
        }
        double prepSeconds = (System.nanoTime() - t0) / 1e9;
        filter.infer(prepared); // warm-up
        long t1 = System.nanoTime();
        int done = 0;
        long faces = 0;
        while (done < images) {
            List<FaceInput> b = prepared.subList(0, Math.min(prepared.size(), images - done));
            for (var r : filter.infer(b)) {
                faces += (Integer) r.values().get(FaceColumns.N_FACES);
            }
            done += b.size();
        }
        double cascadeSeconds = (System.nanoTime() - t1) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", images);
        out.put("image_size", width + "x" + height);
        out.put("pnet_fire_rate", pnetFireRate);
        out.put("faces_per_image", (double) faces / images);
        out.put("prepare_images_per_s", images / prepSeconds);
        out.put("cascade_cpu_images_per_s", images / cascadeSeconds);
        out.put("prepare_plus_cascade_images_per_s", images / (prepSeconds + cascadeSeconds));
        if (rawRounds > 0) {
            out.put("raw_bgr", RawCellHandOffBench.compare(filter::prepare, filter::prepareBgr,
                    RawCellHandOffBench.cells(width, height), width, height, images, rawRounds));
        }
        return out;
    }

    /** P-Net (size 0), R-Net (24) or O-Net (48) answering at once: probability 0.99 for a pseudo-random share of cells. */
    private static final class SyntheticNet implements InferenceModel {
        private final int size;
        private final double rate;
        private final Random rnd = new Random(11);

        SyntheticNet(int size, double rate) {
            this.size = size;
            this.rate = rate;
        }

        @Override
        public List<Tensor> run(List<Tensor> in) {
            Tensor x = in.get(0);
            int n = (int) x.dim(0);
            if (size == 0) {
                int oh = (int) (x.dim(2) - 12) / 2 + 1;
                int ow = (int) (x.dim(3) - 12) / 2 + 1;
                int plane = oh * ow;
                float[] prob = new float[n * 2 * plane];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < plane; c++) {
                        float p = rnd.nextDouble() < rate ? 0.99f : 0.01f;
                        prob[i * 2 * plane + c] = 1 - p;
                        prob[i * 2 * plane + plane + c] = p;
                    }
                }
                float[] reg = new float[n * 4 * plane];
                Arrays.fill(reg, 0.05f);
                return List.of(new Tensor(reg, new long[] {n, 4, oh, ow}), new Tensor(prob, new long[] {n, 2, oh, ow}));
            }
            float[] prob = new float[n * 2];
            for (int i = 0; i < n; i++) {
                float p = rnd.nextDouble() < rate ? 0.99f : 0.01f;
                prob[2 * i] = 1 - p;
                prob[2 * i + 1] = p;
            }
            float[] reg = new float[n * 4];
            List<Tensor> out = new ArrayList<>(List.of(new Tensor(reg, new long[] {n, 4}), new Tensor(prob, new long[] {n, 2})));
            if (size == MtcnnNets.ONET_SIZE) {
                float[] lm = new float[n * 10];
                Arrays.fill(lm, 0.5f);
                out.add(new Tensor(lm, new long[] {n, 10}));
            }
            return out;
        }

        @Override
        public String engine() {
            return "synthetic";
        }

        @Override
        public Device device() {
            return Device.CPU;
        }

        @Override
        public List<TensorSpec> inputs() {
            return List.of(new TensorSpec("input", new long[] {-1, 3, size == 0 ? -1 : size, size == 0 ? -1 : size}, DType.FLOAT32));
        }

        @Override
        public List<TensorSpec> outputs() {
            return List.of();
        }

        @Override
        public void close() {}
    }
}
