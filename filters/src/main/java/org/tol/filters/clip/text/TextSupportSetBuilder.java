package org.tol.filters.clip.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.model.DType;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportVector;

/**
 * A support set from class prompts embedded with CLIP's text encoder (zero-shot classification: how the
 * reference's {@code label_embeddings.pt} was made). One prompt per label gives the encoder's output as is; several
 * prompts of a label are averaged after L2-normalising each, then normalised again (CLIP's prompt ensembling).
 */
public final class TextSupportSetBuilder {
    /** One prompt of a label. */
    public record Prompt(String label, String text) {}

    private final InferenceModel model;
    private final ClipTokenizer tokenizer;
    private final int batchSize;

    public TextSupportSetBuilder(InferenceModel model, ClipTokenizer tokenizer, int batchSize) {
        List<TensorSpec> in = model.inputs();
        if (in.size() != 1 || in.get(0).rank() != 2 || !(in.get(0).dtype() == DType.INT64 || in.get(0).dtype() == DType.INT32)
                || model.outputs().isEmpty() || model.outputs().get(0).rank() != 2) {
            throw new TolException("not a CLIP text encoder: inputs " + in + ", outputs " + model.outputs(),
                    "export encode_text with one input input_ids int64 [N, 77] and one output [N, D] (models/README.md)",
                    ExitCodes.USAGE, null);
        }
        this.model = model;
        this.tokenizer = tokenizer;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * Prompts from a text file: {@code label<TAB>prompt} per line, or a bare label that {@code template} turns into
     * the prompt ({@code {}} stands for the label); blank lines and lines starting with {@code #} are skipped.
     */
    public static List<Prompt> readPrompts(Path file, String template) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw TolException.usage("no prompts file " + file, "write one label<TAB>prompt (or a bare label) per line");
        }
        List<Prompt> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String label = (tab < 0 ? line : line.substring(0, tab)).strip();
            String text = tab < 0 ? template.replace("{}", label) : line.substring(tab + 1).strip();
            if (label.isEmpty() || text.isEmpty()) {
                throw TolException.usage(file + " line " + n + ": empty label or prompt", "write label<TAB>prompt or a bare label");
            }
            out.add(new Prompt(label, text));
        }
        if (out.isEmpty()) {
            throw TolException.usage(file + " has no prompts", "write one label<TAB>prompt (or a bare label) per line");
        }
        return out;
    }

    public SupportSet build(List<Prompt> prompts) throws Exception {
        Map<String, List<float[]>> byLabel = new LinkedHashMap<>();
        for (int start = 0; start < prompts.size(); start += batchSize) {
            List<Prompt> batch = prompts.subList(start, Math.min(prompts.size(), start + batchSize));
            float[] ids = new float[batch.size() * ClipTokenizer.CONTEXT];
            for (int i = 0; i < batch.size(); i++) {
                long[] ctx = tokenizer.context(batch.get(i).text());
                for (int j = 0; j < ctx.length; j++) {
                    ids[i * ClipTokenizer.CONTEXT + j] = ctx[j];
                }
            }
            Tensor out = model.run(List.of(new Tensor(ids, new long[] {batch.size(), ClipTokenizer.CONTEXT}))).get(0);
            int dim = (int) out.dim(1);
            for (int i = 0; i < batch.size(); i++) {
                float[] v = new float[dim];
                System.arraycopy(out.data(), i * dim, v, 0, dim);
                byLabel.computeIfAbsent(batch.get(i).label(), k -> new ArrayList<>()).add(v);
            }
        }
        List<SupportVector> vectors = new ArrayList<>();
        byLabel.forEach((label, vs) -> {
            double[] v = vs.size() == 1 ? toDouble(vs.get(0)) : ensemble(vs);
            vectors.add(new SupportVector(label, new long[] {1, v.length}, DType.FLOAT64, v));
        });
        return new SupportSet(vectors, "text");
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Mean of the L2-normalised vectors, normalised. */
    static double[] ensemble(List<float[]> vs) {
        double[] sum = new double[vs.get(0).length];
        for (float[] v : vs) {
            double n = 0;
            for (float x : v) {
                n += (double) x * x;
            }
            n = Math.sqrt(n);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += n == 0 ? 0 : v[i] / n;
            }
        }
        double n = 0;
        for (double x : sum) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < sum.length; i++) {
            sum[i] = n == 0 ? 0 : sum[i] / n;
        }
        return sum;
    }
}
