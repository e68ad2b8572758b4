package org.tol.filters.clip.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;

/**
 * CLIP tokenization. The real vocabulary (49408 tokens) is not available offline, so the wiring is checked on a
 * tokenizer.json built here with CLIP's normaliser, pre-tokeniser, post-processor and BPE settings, whose words
 * carry their real CLIP ids; the published ids of the full tokenizer are checked when {@code TOL_CLIP_TOKENIZER}
 * names a real {@code tokenizer.json}.
 */
class ClipTokenizerTest {
    @TempDir Path dir;

    /** Hugging Face's CLIP docs: {@code tokenizer("a photo of a cat")} -> these ids. */
    static final long[] A_PHOTO_OF_A_CAT = {49406, 320, 1125, 539, 320, 2368, 49407};

    @Test
    void wiringOnATestBuiltTokenizerGivesOpenAisLayout() throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, TestTokenizerJson.build());
        try (ClipTokenizer t = ClipTokenizer.load(json)) {
            assertArrayEquals(A_PHOTO_OF_A_CAT, t.ids("a photo of a cat"));
            assertArrayEquals(A_PHOTO_OF_A_CAT, t.ids("  A Photo   of a CAT "), "lower-cased, whitespace collapsed");
            long[] ctx = t.context("a photo of a cat");
            assertEquals(ClipTokenizer.CONTEXT, ctx.length);
            assertArrayEquals(A_PHOTO_OF_A_CAT, Arrays.copyOf(ctx, 7));
            assertEquals(0, Arrays.stream(ctx, 7, 77).filter(v -> v != 0).count(), "zeros after the end token, as clip.tokenize");
            assertThrows(TolException.class, () -> t.context("a cat ".repeat(80)));
        }
    }

    @Test
    void publishedIdsWithTheRealTokenizer() throws Exception {
        String real = System.getenv("TOL_CLIP_TOKENIZER");
        assumeTrue(real != null && Files.exists(Path.of(real)),
                "TOL_CLIP_TOKENIZER does not name CLIP's tokenizer.json: real-vocabulary check skipped");
        try (ClipTokenizer t = ClipTokenizer.load(Path.of(real))) {
            assertArrayEquals(A_PHOTO_OF_A_CAT, t.ids("a photo of a cat"));
            assertArrayEquals(new long[] {49406, 320, 1125, 539, 320, 1929, 49407}, t.ids("a photo of a dog"));
        }
    }
}
