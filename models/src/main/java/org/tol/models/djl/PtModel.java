package org.tol.models.djl;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;

/**
 * A TorchScript module run through DJL's JNI: calls {@code forward} or a named method (e.g. {@code
 * encode_image} of OpenAI's JIT CLIP archive). TorchScript declares no tensor shapes, so {@link #inputs()}
 * and {@link #outputs()} are empty; filters check the signature with a probe batch instead.
 */
public final class PtModel implements InferenceModel {
    private final PtNDManager manager;
    private final PtSymbolBlock block;
    private final Device device;
    private final String method;
    private final List<String> methods;
    private final DataType inputType;

    PtModel(PtNDManager manager, PtSymbolBlock block, Device device, String method, List<String> methods, DataType inputType) {
        this.manager = manager;
        this.block = block;
        this.device = device;
        this.method = method;
        this.methods = List.copyOf(methods);
        this.inputType = inputType;
    }

    @Override
    public String engine() {
        return "pytorch";
    }

    @Override
    public Device device() {
        return device;
    }

    /** The method {@link #run} calls. */
    public String method() {
        return method;
    }

    /** Every method the archive exports ({@code forward}, {@code encode_image}, ...). */
    public List<String> methods() {
        return methods;
    }

    /** Element type inputs are cast to (that of the module's first floating-point parameter). */
    public DType inputType() {
        return inputType == DataType.FLOAT16 ? DType.FLOAT16 : inputType == DataType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    }

    @Override
    public List<TensorSpec> inputs() {
        return List.of();
    }

    @Override
    public List<TensorSpec> outputs() {
        return List.of();
    }

    @Override
    public List<Tensor> run(List<Tensor> inputs) {
        try (PtNDManager scope = (PtNDManager) manager.newSubManager()) {
            IValue[] args = new IValue[inputs.size()];
            for (int i = 0; i < args.length; i++) {
                Tensor t = inputs.get(i);
                PtNDArray a = (PtNDArray) scope.create(FloatBuffer.wrap(t.data()), new Shape(t.shape()), DataType.FLOAT32);
                if (inputType != DataType.FLOAT32) {
                    a = (PtNDArray) a.toType(inputType, false); // fp16 archives (OpenAI's GPU JIT CLIP) take fp16
                }
                args[i] = IValue.from(a);
            }
            IValue result = IValueUtils.runMethod(block, method, args);
            try {
                List<Tensor> out = new ArrayList<>();
                collect(result, scope, out);
                return out;
            } finally {
                result.close();
                for (IValue a : args) {
                    a.close();
                }
            }
        }
    }

    private static void collect(IValue v, PtNDManager scope, List<Tensor> out) {
        if (v.isTensor()) {
            PtNDArray a = v.toTensor(scope);
            PtNDArray f = a.getDataType() == DataType.FLOAT32 ? a : (PtNDArray) a.toType(DataType.FLOAT32, false);
            out.add(new Tensor(f.toFloatArray(), f.getShape().getShape()));
        } else if (v.isTuple() || v.isList()) {
            IValue[] items = v.isTuple() ? v.toIValueTuple() : v.toIValueArray();
            for (IValue item : items) {
                collect(item, scope, out);
                item.close();
            }
        } else {
            throw new IllegalStateException("TorchScript method returned a value that is not a tensor or tuple of tensors");
        }
    }

    @Override
    public void close() {
        block.close();
        manager.close();
    }
}
