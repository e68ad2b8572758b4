package org.tol.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.api.model.Tensor;

/** Models written by {@link OnnxModelBuilder}, run by ORT, checked against plain Java arithmetic. */
class OrtEngineTest {
    @TempDir Path dir;

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    /** y = sigmoid(x W + b) computed by hand. */
    private static float[] denseSigmoid(float[] x, int n, int k, float[] w, int m, float[] b) {
        float[] y = new float[n * m];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                double s = b[c];
                for (int i = 0; i < k; i++) {
                    s += (double) x[r * k + i] * w[i * m + c];
                }
                y[r * m + c] = (float) (1 / (1 + Math.exp(-s)));
            }
        }
        return y;
    }

    private Path denseModel(boolean fp16) throws Exception {
        float[] w = random(6 * 3, 1);
        float[] b = random(3, 2);
        OnnxModelBuilder mb = new OnnxModelBuilder("dense").metadata("purpose", "test");
        DType t = fp16 ? DType.FLOAT16 : DType.FLOAT32;
        mb.input("x", t, -1, 6).output("y", t, -1, 3);
        if (fp16) {
            mb.initializerFp16("W", new long[] {6, 3}, w).initializerFp16("b", new long[] {3}, b);
        } else {
            mb.initializer("W", new long[] {6, 3}, w).initializer("b", new long[] {3}, b);
        }
        mb.node("MatMul", List.of("x", "W"), "xw").done()
                .node("Add", List.of("xw", "b"), "z").done()
                .node("Sigmoid", List.of("z"), "y").done();
        return mb.write(dir.resolve(fp16 ? "dense16.onnx" : "dense32.onnx"));
    }

    private static long directBytes() {
        for (java.lang.management.BufferPoolMXBean b
                : java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                return b.getMemoryUsed();
            }
        }
        throw new AssertionError("no direct buffer pool");
    }

    @Test
    void inputBuffersAreFreedWhenTheRunReturns() throws Exception {
        assertTrue(DirectBuffers.canFree(), "this JDK should allow freeing direct buffers");
        for (boolean fp16 : new boolean[] {false, true}) {
            Path file = denseModel(fp16);
            try (InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu())) {
                int rows = 100_000; // 2.4 MB of float32 input a run
                float[] x = random(rows * 6, 5);
                m.run(List.of(new Tensor(x, new long[] {rows, 6}))); // warm-up: ORT's own one-off buffers
                long before = directBytes();
                for (int i = 0; i < 20; i++) {
                    Tensor y = m.run(List.of(new Tensor(x, new long[] {rows, 6}))).get(0);
                    assertEquals(rows * 3, y.data().length);
                    // no garbage collection between runs: what the inputs took is back already
                    assertEquals(before, directBytes(), "direct memory after run " + i + (fp16 ? " (fp16)" : ""));
                }
                float[] small = java.util.Arrays.copyOf(x, 12);
                float[] want = denseSigmoid(small, 2, 6, random(18, 1), 3, random(3, 2));
                assertArrayEquals(want, m.run(List.of(new Tensor(small, new long[] {2, 6}))).get(0).data(),
                        fp16 ? 2e-3f : 1e-6f);
            }
        }
    }

    @Test
    void fp32ModelMatchesHandComputation() throws Exception {
        Path file = denseModel(false);
        float[] x = random(4 * 6, 3);
        try (InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu())) {
            assertEquals("onnxruntime", m.engine());
            assertEquals(Device.CPU, m.device());
            assertEquals("x [-1,6] float32", m.inputs().get(0).toString());
            assertEquals("y [-1,3] float32", m.outputs().get(0).toString());
            assertEquals("test", ((OrtModel) m).metadata().get("purpose"));
            Tensor y = m.run(List.of(new Tensor(x, new long[] {4, 6}))).get(0);
            assertArrayEquals(new long[] {4, 3}, y.shape());
            assertArrayEquals(denseSigmoid(x, 4, 6, random(18, 1), 3, random(3, 2)), y.data(), 1e-6f);
        }
    }

    @Test
    void arenaSwitchChangesMemoryNotResults() throws Exception {
        assertArrayEquals(new boolean[] {true, false}, OrtSessions.arenaMode(null));
        assertArrayEquals(new boolean[] {true, false}, OrtSessions.arenaMode("arena"));
        for (String off : new String[] {"0", "off", " FALSE "}) {
            assertArrayEquals(new boolean[] {false, false}, OrtSessions.arenaMode(off));
        }
        for (String on : new String[] {"1", " TRUE ", "on"}) {
            assertArrayEquals(new boolean[] {true, true}, OrtSessions.arenaMode(on));
        }
        Path file = denseModel(false);
        float[] expected = denseSigmoid(random(5 * 6, 7), 5, 6, random(18, 1), 3, random(3, 2));
        String before = System.getProperty("tol.ort.arena");
        try {
            for (String arena : new String[] {"false", "arena", "true"}) {
                System.setProperty("tol.ort.arena", arena);
                try (InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu())) {
                    for (int shape = 1; shape <= 5; shape += 4) { // two shapes: two memory patterns when on
                        Tensor y = m.run(List.of(new Tensor(java.util.Arrays.copyOf(random(5 * 6, 7), shape * 6),
                                new long[] {shape, 6}))).get(0);
                        assertArrayEquals(java.util.Arrays.copyOf(expected, shape * 3), y.data(), 1e-6f, arena);
                    }
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty("tol.ort.arena");
            } else {
                System.setProperty("tol.ort.arena", before);
            }
        }
    }

    @Test
    void fp16ModelIsConvertedAtTheBoundary() throws Exception {
        Path file = denseModel(true);
        float[] x = random(2 * 6, 4);
        try (InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu())) {
            assertEquals(DType.FLOAT16, m.inputs().get(0).dtype());
            Tensor y = m.run(List.of(new Tensor(x, new long[] {2, 6}))).get(0);
            // fp16 weights/activations: ~3 significant digits; sigmoid outputs lie in (0,1).
            assertArrayEquals(denseSigmoid(x, 2, 6, random(18, 1), 3, random(3, 2)), y.data(), 5e-3f);
        }
    }

    @Test
    void convPoolReshapeSoftmaxGraph() throws Exception {
        // 1x1 conv (per-pixel channel mix), global average pool, flatten, softmax over channels.
        float[] w = {1, 0, 0, 0, 2, 0, 0.5f, 0.5f, 0.5f}; // [3 out, 3 in, 1, 1]
        OnnxModelBuilder mb = new OnnxModelBuilder("conv")
                .input("img", DType.FLOAT32, -1, 3, 4, 4)
                .output("p", DType.FLOAT32, -1, 3)
                .initializer("w", new long[] {3, 3, 1, 1}, w)
                .constantInt64("shape", new long[] {2}, new long[] {-1, 3});
        mb.node("Conv", List.of("img", "w"), "c").attrInts("kernel_shape", 1, 1).attrInts("strides", 1, 1).done()
                .node("GlobalAveragePool", List.of("c"), "g").done()
                .node("Reshape", List.of("g", "shape"), "f").done()
                .node("Softmax", List.of("f"), "p").attr("axis", 1L).done();
        Path file = mb.write(dir.resolve("conv.onnx"));
        float[] img = random(2 * 3 * 16, 5);
        float[] expected = new float[6];
        for (int n = 0; n < 2; n++) {
            double[] mean = new double[3];
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 16; p++) {
                    mean[c] += img[(n * 3 + c) * 16 + p] / 16.0;
                }
            }
            double[] o = {mean[0], 2 * mean[1], 0.5 * (mean[0] + mean[1] + mean[2])};
            double z = Math.exp(o[0]) + Math.exp(o[1]) + Math.exp(o[2]);
            for (int c = 0; c < 3; c++) {
                expected[n * 3 + c] = (float) (Math.exp(o[c]) / z);
            }
        }
        try (InferenceModel m = new OrtEngine().load(file, ModelOptions.cpu())) {
            Tensor p = m.run(List.of(new Tensor(img, new long[] {2, 3, 4, 4}))).get(0);
            assertArrayEquals(expected, p.data(), 1e-5f);
        }
    }

    @Test
    void cudaRequestRunsOnCudaOrFallsBackToCpu() throws Exception {
        Path file = denseModel(false);
        try (InferenceModel m = new OrtEngine().load(file, new ModelOptions(Device.cuda(0), null, false, 1))) {
            // Without a CUDA 12 runtime (CI) the engine must fall back, warn once and still run.
            assertTrue(m.device().isCuda() || OrtSessions.cudaFallbackHappened(), "device " + m.device());
            Tensor y = m.run(List.of(new Tensor(new float[6], new long[] {1, 6}))).get(0);
            assertEquals(3, y.data().length);
        }
    }

    @Test
    void explicitCudaThatCannotLoadFailsNamingWhatToLoad() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(CudaLibraries.missing().isPresent(),
                "this machine has the CUDA 12 runtime: the explicit-device failure cannot be provoked here");
        Path file = denseModel(false);
        org.tol.api.TolException e = org.junit.jupiter.api.Assertions.assertThrows(org.tol.api.TolException.class,
                () -> new OrtEngine().load(file, new ModelOptions(Device.cuda(0).asRequired(), null, false, 1)).close());
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().contains("CUDA execution provider could not be loaded"), e.getMessage());
        assertTrue(e.hint().contains("libcudart.so.12") && e.hint().contains("--device auto"), e.hint());
    }

    @Test
    void acceptsByExtensionOrMagic() throws Exception {
        OrtEngine e = new OrtEngine();
        Path onnx = denseModel(false);
        Path renamed = Files.copy(onnx, dir.resolve("model.bin"));
        Path zip = Files.write(dir.resolve("model.pt"), new byte[] {'P', 'K', 3, 4});
        assertTrue(e.accepts(onnx));
        assertTrue(e.accepts(renamed));
        assertTrue(!e.accepts(zip));
    }

    @Test
    void nativesUnpackOnceIntoCacheDir() throws Exception {
        Path cache = dir.resolve("cache");
        OrtNatives.unpack(cache, List.of("libonnxruntime_providers_shared.so"));
        Path lib = cache.resolve("libonnxruntime_providers_shared.so");
        assertTrue(Files.size(lib) > 0);
        long stamp = Files.getLastModifiedTime(lib).toMillis();
        Thread.sleep(20);
        OrtNatives.unpack(cache, List.of("libonnxruntime_providers_shared.so"));
        assertEquals(stamp, Files.getLastModifiedTime(lib).toMillis(), "second unpack must not rewrite");
    }
}
