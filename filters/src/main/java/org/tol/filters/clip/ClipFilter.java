package org.tol.filters.clip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceEngine;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.Tensor;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.models.ContentDigest;
import org.tol.models.EngineRegistry;
import org.tol.models.djl.PtEngine;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;

/**
 * {@code tol filter clip}: CLIP image embedding + nearest support vector (the reference's
 * {@code run_clip_distributed.py}). Output columns {@code pred_label} (string) and {@code pred_score} (double),
 * the reference's names and types (pandas writes Python's str and float), optionally
 * {@code top_labels}/{@code top_scores} ({@code --top-k} > 1) and {@code embedding} ({@code --save-embeddings}).
 */
public final class ClipFilter implements ImageFilter<float[]> {
    private static final Logger LOG = LoggerFactory.getLogger(ClipFilter.class);

    private final ClipConfig config;
    private final ClipPreprocessor preprocessor;
    private final ClipClassifier classifier;
    private final InferenceModel model;
    private final Map<String, String> fingerprint;

    public ClipFilter(ClipConfig config, Device device) throws Exception {
        this(config, device, EngineRegistry.load());
    }

    public ClipFilter(ClipConfig config, Device device, EngineRegistry engines) throws Exception {
        this.config = config;
        this.preprocessor = new ClipPreprocessor(config.imageSize());
        SupportSet set = SupportSets.read(config.supportSet());
        this.classifier = new ClipClassifier(set, config.topK(), config.saveEmbeddings());
        InferenceEngine engine = engines.select(config.model(), config.engine());
        String method = config.method();
        if (method == null && engine.name().equals(PtEngine.NAME)) {
            method = "encode_image"; // OpenAI's JIT CLIP archive: forward() needs text too
        }
        this.model = engine.load(config.model(), new ModelOptions(device, method, config.tensorRt(), 0));
        try {
            ClipSignature.check(model, config.model(), config.imageSize(), set.dim());
        } catch (Exception e) {
            model.close();
            throw e;
        }
        LOG.info("clip: {} on {} ({}), support set {} with {} labels x {} dims", config.model().getFileName(),
                model.device(), model.engine(), config.supportSet().getFileName(), set.size(), set.dim());
        this.fingerprint = fingerprint(config, set, engine.name(), method);
    }

    @Override
    public String name() {
        return "clip";
    }

    @Override
    public List<Column> outputColumns() {
        List<Column> cols = new ArrayList<>(List.of(Column.string("pred_label"), Column.float64("pred_score")));
        if (config.topK() > 1) {
            cols.add(new Column("top_labels", ColumnType.listOf(ColumnType.Primitive.STRING)));
            cols.add(new Column("top_scores", ColumnType.listOf(ColumnType.Primitive.FLOAT)));
        }
        if (config.saveEmbeddings()) {
            cols.add(new Column("embedding", ColumnType.listOf(ColumnType.Primitive.FLOAT)));
        }
        return cols;
    }

    @Override
    public float[] prepare(RgbImage image) {
        return preprocessor.prepare(image);
    }

    @Override
    public boolean preparesBgr() {
        return true;
    }

    /** A raw cell straight into the tensor: no RGB copy (the first resampler pass swaps the channels). */
    @Override
    public float[] prepareBgr(byte[] bgr, int offset, int width, int height) {
        float[] out = new float[preprocessor.tensorLength()];
        preprocessor.prepareBgrInto(bgr, offset, width, height, out, 0);
        return out;
    }

    @Override
    public List<RowResult> infer(List<float[]> batch) throws Exception {
        int n = batch.size();
        int len = preprocessor.tensorLength();
        float[] input = new float[n * len];
        for (int i = 0; i < n; i++) {
            System.arraycopy(batch.get(i), 0, input, i * len, len);
        }
        int s = preprocessor.size();
        Tensor out = model.run(List.of(new Tensor(input, new long[] {n, 3, s, s}))).get(0);
        if (out.shape().length != 2 || out.shape()[0] != n || out.shape()[1] != classifier.dim()) {
            throw new IllegalStateException("model returned " + out + " for a batch of " + n + ", expected [" + n + ","
                    + classifier.dim() + "]");
        }
        List<RowResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(classifier.classify(out.data(), i * classifier.dim()));
        }
        return results;
    }

    @Override
    public int preferredBatchSize() {
        return 256;
    }

    @Override
    public Map<String, String> fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        model.close();
    }

    /** Digests of what the model and support set hold (see ContentDigest), so rewriting them keeps the run. */
    private static Map<String, String> fingerprint(ClipConfig c, SupportSet set, String engine, String method)
            throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model", c.model().getFileName().toString());
        f.put("model_digest", ContentDigest.model(c.model()));
        f.put("engine", engine);
        f.put("method", String.valueOf(method));
        f.put("support_set_digest", ContentDigest.supportSet(set));
        f.put("top_k", Integer.toString(c.topK()));
        f.put("save_embeddings", Boolean.toString(c.saveEmbeddings()));
        f.put("image_size", Integer.toString(c.imageSize()));
        // 2: pred_score is a double as in the reference; a run started by an older tol is refused on resume
        // instead of mixing parts of both column types
        f.put("output_format", "2");
        return f;
    }
}
