package org.tol.filters.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.Tensor;
import org.tol.models.onnx.OrtEngine;

/** The bench's nets have facenet-pytorch's shapes: what each layer does to the spatial size, and the outputs. */
class MtcnnArchitectureNetsTest {
    @TempDir Path dir;

    @Test
    void shapesFollowFacenetPytorchLayers() throws Exception {
        new MtcnnArchitectureNets(3).writeAll(dir, 0f, 0f, 0f);
        OrtEngine ort = new OrtEngine();
        try (InferenceModel p = ort.load(dir.resolve("pnet.onnx"), ModelOptions.cpu());
                InferenceModel r = ort.load(dir.resolve("rnet.onnx"), ModelOptions.cpu());
                InferenceModel o = ort.load(dir.resolve("onet.onnx"), ModelOptions.cpu())) {
            // 51x60: conv3 49x58, ceil-mode pool 2/2 25x29, conv3 23x27, conv3 21x25
            List<Tensor> pout = p.run(List.of(new Tensor(new float[2 * 3 * 51 * 60], new long[] {2, 3, 51, 60})));
            assertArrayEquals(new long[] {2, 4, 21, 25}, pout.get(0).shape());
            assertArrayEquals(new long[] {2, 2, 21, 25}, pout.get(1).shape());
            float[] prob = pout.get(1).data();
            assertEquals(1f, prob[0] + prob[21 * 25], 1e-5f); // softmax over the two channels
            // R-Net 24: conv 22, pool 3/2 ceil 11, conv 9, pool 4, conv2 3: 3x3x64 = 576 into the dense layer
            List<Tensor> rout = r.run(List.of(new Tensor(new float[5 * 3 * 24 * 24], new long[] {5, 3, 24, 24})));
            assertArrayEquals(new long[] {5, 4}, rout.get(0).shape());
            assertArrayEquals(new long[] {5, 2}, rout.get(1).shape());
            // O-Net 48: 46, 23, 21, 10, 8, 4, conv2 3: 3x3x128 = 1152
            List<Tensor> oout = o.run(List.of(new Tensor(new float[3 * 48 * 48], new long[] {1, 3, 48, 48})));
            assertEquals(3, oout.size());
            assertArrayEquals(new long[] {1, 10}, oout.get(1).shape());
        }
    }

    /** Counts the candidates a net is run on. */
    private static final class Counting implements InferenceModel {
        final InferenceModel m;
        long rows;

        Counting(InferenceModel m) {
            this.m = m;
        }

        @Override public String engine() { return m.engine(); }
        @Override public org.tol.api.model.Device device() { return m.device(); }
        @Override public List<org.tol.api.model.TensorSpec> inputs() { return m.inputs(); }
        @Override public List<org.tol.api.model.TensorSpec> outputs() { return m.outputs(); }
        @Override public void close() { m.close(); }

        @Override
        public List<Tensor> run(List<Tensor> in) throws Exception {
            rows += in.get(0).dim(0);
            return m.run(in);
        }
    }

    @Test
    void calibratedNetsPassCandidatesThroughTheWholeCascade() throws Exception {
        Map<String, Object> cal = FacesMemoryBench.writeCalibrated(dir, 2, 0.01, 0.1, 0.3, 17);
        assertEquals(3, ((List<?>) cal.get("face_logit_biases")).size());
        OrtEngine ort = new OrtEngine();
        Counting r = new Counting(ort.load(dir.resolve("rnet.onnx"), ModelOptions.cpu()));
        Counting o = new Counting(ort.load(dir.resolve("onet.onnx"), ModelOptions.cpu()));
        MtcnnNets nets = new MtcnnNets(ort.load(dir.resolve("pnet.onnx"), ModelOptions.cpu()), r, o);
        try (FaceFilter f = new FaceFilter(nets, MtcnnOptions.defaults(), "test")) { // closes the nets
            java.util.Random rnd = new java.util.Random(9);
            List<FaceInput> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(f.prepare(org.tol.io.image.SyntheticImages.render(rnd, 720, 540)));
            }
            long r0 = r.rows;
            long o0 = o.rows;
            List<List<Face>> faces = new MtcnnCascade(nets, MtcnnOptions.defaults()).detect(batch);
            System.out.printf("R-Net candidates %d, O-Net %d, faces %d%n", r.rows - r0, o.rows - o0,
                    faces.stream().mapToInt(List::size).sum());
            assertTrue(r.rows - r0 > 3 * 10, "R-Net ran on " + (r.rows - r0) + " candidates");
            assertTrue(o.rows - o0 > 0, "O-Net ran on no candidate");
        }
    }
}
