package org.tol.models.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.TolException;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.Tensor;

/** The committed tiny TorchScript archive runs through DJL and matches the independent computation. */
class PtEngineTest {
    static Path tinyArchive() throws Exception {
        return Path.of(PtEngineTest.class.getResource("/models/tiny_clip_encode_image.pt").toURI());
    }

    @Test
    void encodeImageMatchesIndependentComputation() throws Exception {
        float[] img = new float[2 * 3 * 336 * 336];
        Random r = new Random(7);
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) r.nextGaussian();
        }
        PtEngine engine = new PtEngine();
        assertTrue(engine.accepts(tinyArchive()));
        try (PtModel m = engine.load(tinyArchive(), ModelOptions.cpu().withMethod("encode_image"))) {
            assertEquals("pytorch", m.engine());
            assertTrue(m.methods().containsAll(List.of("forward", "encode_image", "encode_text")), m.methods().toString());
            Tensor out = m.run(List.of(new Tensor(img, new long[] {2, 3, 336, 336}))).get(0);
            assertArrayEquals(new long[] {2, 4}, out.shape());
            double[] expected = TinyClipReference.encode(img, 2);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], out.data()[i], 1e-4, "value " + i); // float32 sums of 12544 values
            }
        }
    }

    @Test
    void unknownMethodNamesTheAvailableOnes() throws Exception {
        TolException e = assertThrows(TolException.class,
                () -> new PtEngine().load(tinyArchive(), ModelOptions.cpu().withMethod("encode_video")));
        assertTrue(e.getMessage().contains("no TorchScript method 'encode_video'") && e.getMessage().contains("encode_image"),
                e.getMessage());
    }
}
