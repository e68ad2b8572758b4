package org.tol.filters.clip.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.models.EngineRegistry;
import org.tol.models.onnx.OnnxModelBuilder;
import org.tol.models.supportset.SupportSet;

/**
 * Prompts through the tokenizer and an ONNX text encoder of CLIP's signature (input_ids int64 [N, 77] -> [N, D]):
 * a stand-in that averages rows of a table over the 77 positions, so the expected vectors follow from the
 * token ids alone, computed here independently.
 */
class TextSupportSetBuilderTest {
    @TempDir Path dir;

    static final int VOCAB = 49408;
    static final int DIM = 4;

    static float table(int id, int j) {
        return (float) Math.sin(0.001 * id * (j + 1) + j);
    }

    static Path textModel(Path target) throws Exception {
        float[] t = new float[VOCAB * DIM];
        for (int id = 0; id < VOCAB; id++) {
            for (int j = 0; j < DIM; j++) {
                t[id * DIM + j] = table(id, j);
            }
        }
        return new OnnxModelBuilder("clip_text_encoder_test").input("input_ids", DType.INT64, -1, 77)
                .output("text_embedding", DType.FLOAT32, -1, DIM).initializer("table", new long[] {VOCAB, DIM}, t)
                .node("Gather", List.of("table", "input_ids"), "rows").attr("axis", 0L).done()
                .node("ReduceMean", List.of("rows"), "text_embedding").attrInts("axes", 1).attr("keepdims", 0L).done()
                .write(target);
    }

    /** The stand-in encoder's output for a prompt, from its CLIP ids padded with zeros to 77. */
    static double[] expected(long... ids) {
        double[] v = new double[DIM];
        for (int p = 0; p < 77; p++) {
            int id = p < ids.length ? (int) ids[p] : 0;
            for (int j = 0; j < DIM; j++) {
                v[j] += table(id, j) / 77.0;
            }
        }
        return v;
    }

    @Test
    void promptsBecomeOneVectorPerLabelEnsembledWhenSeveral() throws Exception {
        Path model = textModel(dir.resolve("text.onnx"));
        Path tok = dir.resolve("tokenizer.json");
        Files.writeString(tok, TestTokenizerJson.build());
        Path prompts = dir.resolve("prompts.tsv");
        Files.writeString(prompts, "# label<TAB>prompt, or a bare label\ncat\ta photo of a cat\ndog\nbird\ta photo of a bird\n"
                + "bird\ta bird\n");
        List<TextSupportSetBuilder.Prompt> p = TextSupportSetBuilder.readPrompts(prompts, "a photo of a {}");
        assertEquals(new TextSupportSetBuilder.Prompt("dog", "a photo of a dog"), p.get(1));
        try (InferenceModel m = EngineRegistry.load().select(model, null).load(model, new ModelOptions(Device.CPU, null, false, 0));
                ClipTokenizer t = ClipTokenizer.load(tok)) {
            SupportSet set = new TextSupportSetBuilder(m, t, 2).build(p);
            assertEquals(List.of("cat", "dog", "bird"), set.labels());
            assertClose(expected(49406, 320, 1125, 539, 320, 2368, 49407), set.vectors().get(0).values());
            assertClose(expected(49406, 320, 1125, 539, 320, 1929, 49407), set.vectors().get(1).values());
            double[] a = normalised(expected(49406, 320, 1125, 539, 320, 45001, 49407));
            double[] b = normalised(expected(49406, 320, 45001, 49407));
            double[] mean = new double[DIM];
            for (int j = 0; j < DIM; j++) {
                mean[j] = a[j] + b[j];
            }
            assertClose(normalised(mean), set.vectors().get(2).values());
        }
    }

    private static double[] normalised(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / Math.sqrt(n);
        }
        return out;
    }

    private static void assertClose(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-5, "component " + i);
        }
    }

    @Test
    void readsNoPromptsAsAUsageError() throws Exception {
        Path empty = dir.resolve("empty.tsv");
        Files.writeString(empty, "# nothing\n\n");
        assertEquals(2, org.junit.jupiter.api.Assertions.assertThrows(org.tol.api.TolException.class,
                () -> TextSupportSetBuilder.readPrompts(empty, "{}")).exitCode());
        assertArrayEquals(new Object[] {"x"}, TextSupportSetBuilder.readPrompts(writeLine("x"), "{}").stream()
                .map(TextSupportSetBuilder.Prompt::text).toArray());
    }

    private Path writeLine(String s) throws Exception {
        Path f = dir.resolve("one.tsv");
        Files.writeString(f, s + "\n");
        return f;
    }
}
