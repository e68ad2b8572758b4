package org.tol.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.stream.IntStream;
import org.tol.api.model.DType;
import org.tol.api.model.Tensor;

/**
 * Converts between tol's float32 {@link Tensor} and ORT tensors at the model boundary: fp16 and fp64 models
 * get inputs of their own type and give back float32, so filters never see the model's precision.
 */
final class OrtTensors {
    private OrtTensors() {}

    /**
     * The ORT tensor of {@code t} as the model's declared input type. float32 and fp16 inputs are copied into a
     * direct buffer made here and added to {@code owned}: ORT uses it without another copy, and the caller frees
     * it with {@link DirectBuffers#free} once the tensor is closed (other types are small; ORT copies them).
     */
    static OnnxTensor toOrt(OrtEnvironment env, Tensor t, DType declared, java.util.List<ByteBuffer> owned) throws OrtException {
        switch (declared) {
            case FLOAT16: {
                ByteBuffer half = toHalf(t.data());
                owned.add(half);
                return OnnxTensor.createTensor(env, half.asShortBuffer(), t.shape(), OnnxJavaType.FLOAT16);
            }
            case FLOAT64: {
                double[] d = new double[t.data().length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = t.data()[i];
                }
                return OnnxTensor.createTensor(env, DoubleBuffer.wrap(d), t.shape());
            }
            case FLOAT32: {
                ByteBuffer direct = DirectBuffers.allocate(4L * t.data().length);
                owned.add(direct);
                FloatBuffer f = direct.asFloatBuffer();
                f.put(t.data()).rewind();
                return OnnxTensor.createTensor(env, f, t.shape());
            }
            case INT64: {
                // token ids (CLIP's text encoder): whole numbers below 2^24, exact in the float32 tensor
                long[] l = new long[t.data().length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (long) t.data()[i];
                }
                return OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(l), t.shape());
            }
            case INT32: {
                int[] l = new int[t.data().length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (int) t.data()[i];
                }
                return OnnxTensor.createTensor(env, java.nio.IntBuffer.wrap(l), t.shape());
            }
            default:
                throw new IllegalArgumentException("model input of type " + declared.name().toLowerCase()
                        + " is not supported: tol feeds float32, float16 or float64 image tensors");
        }
    }

    /** Elements per parallel chunk of the fp16 conversion. */
    private static final int CHUNK = 1 << 18;

    /**
     * float32 → fp16 into a direct buffer ORT can use without another copy. A CLIP batch is ~87 M values; the
     * conversion runs on the inference thread, so large inputs are split across the common pool to keep the
     * GPU fed.
     */
    static ByteBuffer toHalf(float[] data) {
        ByteBuffer bytes = DirectBuffers.allocate(2L * data.length);
        ShortBuffer half = bytes.asShortBuffer();
        int chunks = (data.length + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            int end = Math.min(data.length, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                half.put(i, Fp16Conversions.floatToFp16(data[i]));
            }
        });
        return bytes;
    }

    static Tensor fromOrt(String name, OnnxTensor t) {
        TensorInfo info = t.getInfo();
        long[] shape = info.getShape();
        float[] data;
        switch (info.type) {
            case FLOAT: {
                FloatBuffer b = t.getFloatBuffer();
                data = new float[b.remaining()];
                b.get(data);
                break;
            }
            case FLOAT16: {
                // Element by element as Fp16Conversions.convertFp16BufferToFloatBuffer does, without the direct
                // buffer it allocates for the result (left to the collector, like the input copies).
                ShortBuffer b = t.getShortBuffer();
                data = new float[b.remaining()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = Fp16Conversions.fp16ToFloat(b.get(i));
                }
                break;
            }
            case DOUBLE: {
                DoubleBuffer b = t.getDoubleBuffer();
                data = new float[b.remaining()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) b.get(i);
                }
                break;
            }
            default:
                throw new IllegalStateException("model output '" + name + "' has type " + info.type
                        + "; tol reads float32, float16 or float64 outputs");
        }
        return new Tensor(data, shape);
    }

    static DType dtype(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> DType.FLOAT32;
            case FLOAT16 -> DType.FLOAT16;
            case BFLOAT16 -> DType.BFLOAT16;
            case DOUBLE -> DType.FLOAT64;
            case INT64 -> DType.INT64;
            case INT32 -> DType.INT32;
            case INT8 -> DType.INT8;
            case UINT8 -> DType.UINT8;
            case BOOL -> DType.BOOL;
            default -> DType.UNKNOWN;
        };
    }
}
