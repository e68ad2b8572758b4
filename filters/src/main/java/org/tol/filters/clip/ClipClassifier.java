package org.tol.filters.clip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.filter.RowResult;
import org.tol.models.supportset.SupportSet;

/**
 * The reference's classification rule: L2-normalise the image embedding and every support vector, take cosine
 * similarities, report the top-1 label and its cosine (no softmax, temperature or threshold; ties go to the
 * earlier label, like {@code argmax}). Optionally the top-k labels/scores and the raw embedding.
 */
public final class ClipClassifier {
    public static final String NAN_EMBEDDING = "nan_embedding";

    private final List<String> labels;
    private final float[] support; // [K, D] normalised
    private final int dim;
    private final int topK;
    private final boolean saveEmbeddings;

    public ClipClassifier(SupportSet set, int topK, boolean saveEmbeddings) {
        this.labels = set.labels();
        this.support = set.normalisedMatrix();
        this.dim = set.dim();
        this.topK = Math.max(1, Math.min(topK, labels.size()));
        this.saveEmbeddings = saveEmbeddings;
    }

    public int dim() {
        return dim;
    }

    /** Classifies one embedding {@code emb[off .. off+dim)}. */
    public RowResult classify(float[] emb, int off) {
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            norm += (double) emb[off + i] * emb[off + i];
        }
        norm = Math.sqrt(norm);
        if (!Double.isFinite(norm)) {
            return RowResult.failed(NAN_EMBEDDING, "the model produced a NaN or infinite embedding");
        }
        if (norm == 0) {
            return RowResult.failed(NAN_EMBEDDING, "the model produced an all-zero embedding (cannot be normalised)");
        }
        float[] unit = new float[dim];
        for (int i = 0; i < dim; i++) {
            unit[i] = (float) (emb[off + i] / norm);
        }
        int k = labels.size();
        float[] scores = new float[k];
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int i = 0; i < dim; i++) {
                s += (double) unit[i] * support[c * dim + i];
            }
            scores[c] = (float) s;
        }
        int[] order = topIndices(scores, topK);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("pred_label", labels.get(order[0]));
        // the reference stores float(score) of a float32 cosine: a double holding that float32 value
        values.put("pred_score", (double) scores[order[0]]);
        if (topK > 1) {
            List<String> tl = new ArrayList<>(topK);
            List<Float> ts = new ArrayList<>(topK);
            for (int i : order) {
                tl.add(labels.get(i));
                ts.add(scores[i]);
            }
            values.put("top_labels", tl);
            values.put("top_scores", ts);
        }
        if (saveEmbeddings) {
            List<Float> e = new ArrayList<>(dim);
            for (int i = 0; i < dim; i++) {
                e.add(emb[off + i]);
            }
            values.put("embedding", e);
        }
        return RowResult.ok(values);
    }

    /** Indices of the {@code n} highest scores, best first; equal scores keep label order. */
    static int[] topIndices(float[] scores, int n) {
        int[] best = new int[n];
        int filled = 0;
        for (int c = 0; c < scores.length; c++) {
            int pos = filled;
            while (pos > 0 && scores[c] > scores[best[pos - 1]]) {
                pos--;
            }
            if (pos < n) {
                int end = Math.min(filled, n - 1);
                System.arraycopy(best, pos, best, pos + 1, end - pos);
                best[pos] = c;
                filled = Math.min(filled + 1, n);
            }
        }
        return best;
    }
}
