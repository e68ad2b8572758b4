package org.tol.filters.clip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.api.image.DecodeResult;
import org.tol.api.model.DType;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.io.image.ImageDecoder;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportVector;

/**
 * What the reference's {@code create_support_set.py} does, from local files: embed each labelled image with a
 * CLIP-signature model (raw, un-normalised features), then per label the mean vector and k-means centres
 * ({@code label/i} when k > 1, else {@code label}), each stored as float64 with shape (1, D).
 *
 * <p>Unlike the reference, a label with fewer images than k gets k = its image count (the reference silently
 * fell back to a (D,)-shaped mean), and an image that fails to decode or embed stops the build with its path.
 */
public final class SupportSetBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SupportSetBuilder.class);

    /** One labelled example image and the cluster count wanted for its label. */
    public record Example(String label, Path image, int k) {}

    /** Mean and clustered support sets. */
    public record Result(SupportSet mean, SupportSet clustered, int images) {}

    private final InferenceModel model;
    private final ClipPreprocessor preprocessor;
    private final int batchSize;

    public SupportSetBuilder(InferenceModel model, ClipPreprocessor preprocessor, int batchSize) {
        this.model = model;
        this.preprocessor = preprocessor;
        this.batchSize = Math.max(1, batchSize);
    }

    public Result build(List<Example> examples) throws Exception {
        Map<String, List<double[]>> byLabel = new LinkedHashMap<>();
        Map<String, Integer> kByLabel = new LinkedHashMap<>();
        ImageDecoder decoder = new ImageDecoder();
        for (int from = 0; from < examples.size(); from += batchSize) {
            List<Example> batch = examples.subList(from, Math.min(examples.size(), from + batchSize));
            float[][] emb = embed(batch, decoder);
            for (int i = 0; i < batch.size(); i++) {
                Example e = batch.get(i);
                double[] v = new double[emb[i].length];
                for (int j = 0; j < v.length; j++) {
                    v[j] = emb[i][j];
                    if (!Double.isFinite(v[j])) {
                        throw new TolException(e.image() + ": the model gave a NaN/inf embedding", "check the image and model");
                    }
                }
                byLabel.computeIfAbsent(e.label(), l -> new ArrayList<>()).add(v);
                kByLabel.merge(e.label(), e.k(), Math::max);
            }
            LOG.info("support-set build: embedded {}/{} images", Math.min(examples.size(), from + batchSize), examples.size());
        }
        List<SupportVector> means = new ArrayList<>();
        List<SupportVector> clustered = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : byLabel.entrySet()) {
            String label = e.getKey();
            double[][] pts = e.getValue().toArray(new double[0][]);
            means.add(vector(label, mean(pts)));
            int k = kByLabel.get(label);
            if (k > pts.length) {
                LOG.warn("label '{}' has {} image(s) but k={}: using k={}", label, pts.length, k, pts.length);
                k = pts.length;
            }
            if (k <= 1) {
                clustered.add(vector(label, mean(pts)));
            } else {
                double[][] centres = KMeans.fit(pts, k, 0L);
                for (int c = 0; c < k; c++) {
                    clustered.add(vector(label + "/" + c, centres[c]));
                }
            }
        }
        return new Result(new SupportSet(means, "built"), new SupportSet(clustered, "built"), examples.size());
    }

    private float[][] embed(List<Example> batch, ImageDecoder decoder) throws Exception {
        int len = preprocessor.tensorLength();
        float[] input = new float[batch.size() * len];
        for (int i = 0; i < batch.size(); i++) {
            DecodeResult r = decoder.decodeFile(batch.get(i).image());
            if (!r.isOk()) {
                throw new TolException("cannot decode support image: " + r.message(),
                        "fix or remove that line of the support-set list");
            }
            preprocessor.prepareInto(r.image(), input, i * len);
        }
        int s = preprocessor.size();
        Tensor out = model.run(List.of(new Tensor(input, new long[] {batch.size(), 3, s, s}))).get(0);
        if (out.shape().length != 2 || out.shape()[0] != batch.size()) {
            throw new TolException("model returned " + out + " for " + batch.size() + " images; expected [N, D]",
                    "use a CLIP image encoder ([N,3,336,336] -> [N,D])");
        }
        int d = (int) out.shape()[1];
        float[][] rows = new float[batch.size()][d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(out.data(), i * d, rows[i], 0, d);
        }
        return rows;
    }

    private static double[] mean(double[][] pts) {
        double[] m = new double[pts[0].length];
        for (double[] p : pts) {
            for (int j = 0; j < m.length; j++) {
                m[j] += p[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= pts.length;
        }
        return m;
    }

    private static SupportVector vector(String label, double[] v) {
        return new SupportVector(label, new long[] {1, v.length}, DType.FLOAT64, v);
    }
}
