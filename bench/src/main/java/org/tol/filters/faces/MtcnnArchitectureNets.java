package org.tol.filters.faces;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.tol.api.model.DType;
import org.tol.models.onnx.OnnxModelBuilder;

/**
 * Writes pnet.onnx, rnet.onnx and onet.onnx with facenet-pytorch's MTCNN layers and shapes
 * ({@code models/mtcnn.py}: P-Net conv 3-10-16-32 with PReLU and a 2x2 ceil-mode pool; R-Net conv 28-48-64,
 * dense 576-128; O-Net conv 32-64-64-128, dense 1152-256, with 3x3/2 and 2x2/2 ceil-mode pools and the
 * (N,H,W,C) flatten), seeded random weights (He scale, PReLU slope 0.25) instead of the trained ones. ORT's
 * memory and time depend on the layer shapes, not on the weight values, so a filter run on them does the
 * real nets' work; the face logit's bias is a parameter so that a realistic share of candidates goes on to
 * the next net ({@link FacesMemoryBench} calibrates it on the input images).
 */
public final class MtcnnArchitectureNets {
    private final long seed;

    public MtcnnArchitectureNets(long seed) {
        this.seed = seed;
    }

    /** Writes the three nets into {@code dir} with the given face-logit biases (softmax over [0, logit]). */
    public void writeAll(Path dir, float pnetBias, float rnetBias, float onetBias) throws IOException {
        writePnet(dir.resolve("pnet.onnx"), pnetBias);
        writeRnet(dir.resolve("rnet.onnx"), rnetBias);
        writeOnet(dir.resolve("onet.onnx"), onetBias);
    }

    void writePnet(Path file, float faceBias) throws IOException {
        Layers l = new Layers("arch_pnet", seed);
        l.b.input("input", DType.FLOAT32, -1, 3, -1, -1);
        String x = l.conv("input", 3, 10, 3);
        x = l.prelu(x, 10, true);
        x = l.pool(x, 2, 2);
        x = l.prelu(l.conv(x, 10, 16, 3), 16, true);
        x = l.prelu(l.conv(x, 16, 32, 3), 32, true);
        l.faceHead(x, 32, faceBias, true);
        l.b.node("Conv", List.of(x, l.weights("wreg", new long[] {4, 32, 1, 1}, 32), l.zeros("breg", 4)), "reg").done();
        l.b.output("reg", DType.FLOAT32, -1, 4, -1, -1).output("prob", DType.FLOAT32, -1, 2, -1, -1).write(file);
    }

    void writeRnet(Path file, float faceBias) throws IOException {
        Layers l = new Layers("arch_rnet", seed + 1);
        l.b.input("input", DType.FLOAT32, -1, 3, MtcnnNets.RNET_SIZE, MtcnnNets.RNET_SIZE);
        String x = l.pool(l.prelu(l.conv("input", 3, 28, 3), 28, true), 3, 2);
        x = l.pool(l.prelu(l.conv(x, 28, 48, 3), 48, true), 3, 2);
        x = l.prelu(l.conv(x, 48, 64, 2), 64, true);
        x = l.prelu(l.dense(l.flattenNhwc(x), 576, 128), 128, false);
        l.faceHead(x, 128, faceBias, false);
        l.b.node("Gemm", List.of(x, l.weights("wreg", new long[] {4, 128}, 128), l.zeros("breg", 4)), "reg")
                .attr("transB", 1L).done();
        l.b.output("reg", DType.FLOAT32, -1, 4).output("prob", DType.FLOAT32, -1, 2).write(file);
    }

    void writeOnet(Path file, float faceBias) throws IOException {
        Layers l = new Layers("arch_onet", seed + 2);
        l.b.input("input", DType.FLOAT32, -1, 3, MtcnnNets.ONET_SIZE, MtcnnNets.ONET_SIZE);
        String x = l.pool(l.prelu(l.conv("input", 3, 32, 3), 32, true), 3, 2);
        x = l.pool(l.prelu(l.conv(x, 32, 64, 3), 64, true), 3, 2);
        x = l.pool(l.prelu(l.conv(x, 64, 64, 3), 64, true), 2, 2);
        x = l.prelu(l.conv(x, 64, 128, 2), 128, true);
        x = l.prelu(l.dense(l.flattenNhwc(x), 1152, 256), 256, false);
        l.faceHead(x, 256, faceBias, false);
        l.b.node("Gemm", List.of(x, l.weights("wreg", new long[] {4, 256}, 256), l.zeros("breg", 4)), "reg")
                .attr("transB", 1L).done();
        // Landmarks near the box centre (fractions), a little spread by the random weights.
        l.b.node("Gemm", List.of(x, l.weights("wlm", new long[] {10, 256}, 256 * 400), l.constant("blm", 10, 0.5f)),
                "landmarks").attr("transB", 1L).done();
        l.b.output("reg", DType.FLOAT32, -1, 4).output("landmarks", DType.FLOAT32, -1, 10)
                .output("prob", DType.FLOAT32, -1, 2).write(file);
    }

    /** Appends layers to one graph with unique tensor names. */
    private static final class Layers {
        final OnnxModelBuilder b;
        final Random rnd;
        int n;

        Layers(String name, long seed) {
            b = new OnnxModelBuilder(name).metadata("tol.bench", "facenet-pytorch MTCNN architecture, random weights");
            rnd = new Random(seed);
        }

        String next(String kind) {
            return kind + (n++);
        }

        String weights(String name, long[] dims, int fanIn) {
            int size = 1;
            for (long d : dims) {
                size *= (int) d;
            }
            float[] w = new float[size];
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < size; i++) {
                w[i] = (float) (rnd.nextGaussian() * std);
            }
            b.initializer(name, dims, w);
            return name;
        }

        String zeros(String name, int size) {
            return constant(name, size, 0f);
        }

        String constant(String name, int size, float v) {
            float[] a = new float[size];
            java.util.Arrays.fill(a, v);
            b.initializer(name, new long[] {size}, a);
            return name;
        }

        String conv(String in, int cin, int cout, int k) {
            String out = next("conv");
            b.node("Conv", List.of(in, weights(out + "_w", new long[] {cout, cin, k, k}, cin * k * k),
                    zeros(out + "_b", cout)), out).done();
            return out;
        }

        /** PReLU with slope 0.25; {@code spatial}: slope shape [C,1,1] (NCHW), else [C]. */
        String prelu(String in, int c, boolean spatial) {
            String out = next("prelu");
            float[] s = new float[c];
            java.util.Arrays.fill(s, 0.25f);
            b.initializer(out + "_s", spatial ? new long[] {c, 1, 1} : new long[] {c}, s);
            b.node("PRelu", List.of(in, out + "_s"), out).done();
            return out;
        }

        String pool(String in, int k, int stride) {
            String out = next("pool");
            b.node("MaxPool", List.of(in), out).attrInts("kernel_shape", k, k).attrInts("strides", stride, stride)
                    .attr("ceil_mode", 1L).done();
            return out;
        }

        /** facenet-pytorch's {@code x.permute(0, 2, 3, 1).contiguous().view(N, -1)}. */
        String flattenNhwc(String in) {
            String t = next("nhwc");
            b.node("Transpose", List.of(in), t).attrInts("perm", 0, 2, 3, 1).done();
            String out = next("flat");
            b.node("Flatten", List.of(t), out).attr("axis", 1L).done();
            return out;
        }

        String dense(String in, int cin, int cout) {
            String out = next("dense");
            b.node("Gemm", List.of(in, weights(out + "_w", new long[] {cout, cin}, cin), zeros(out + "_b", cout)), out)
                    .attr("transB", 1L).done();
            return out;
        }

        /** Logits [0, w.x + bias] (class 1 = face), softmax over channel 1: the nets' face probability. */
        void faceHead(String x, int c, float bias, boolean conv) {
            float[] w = new float[2 * c];
            double std = Math.sqrt(1.0 / c);
            for (int i = c; i < 2 * c; i++) {
                w[i] = (float) (rnd.nextGaussian() * std);
            }
            b.initializer("wface", conv ? new long[] {2, c, 1, 1} : new long[] {2, c}, w);
            b.initializer("bface", new long[] {2}, new float[] {0f, bias});
            if (conv) {
                b.node("Conv", List.of(x, "wface", "bface"), "logits").done();
            } else {
                b.node("Gemm", List.of(x, "wface", "bface"), "logits").attr("transB", 1L).done();
            }
            b.node("Softmax", List.of("logits"), "prob").attr("axis", 1L).done();
        }
    }
}
