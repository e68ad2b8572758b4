package org.tol.filters.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;

/** An in-memory model for unit tests: a function of the input tensor, recording every call's input shape. */
public final class FakeModel implements InferenceModel {
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Function<Tensor, List<Tensor>> fn;
    public final List<long[]> calls = new ArrayList<>();
    public boolean closed;

    public FakeModel(long[] inputShape, List<long[]> outputShapes, Function<Tensor, List<Tensor>> fn) {
        this.inputs = List.of(new TensorSpec("x", inputShape, DType.FLOAT32));
        List<TensorSpec> outs = new ArrayList<>();
        for (int i = 0; i < outputShapes.size(); i++) {
            outs.add(new TensorSpec("y" + i, outputShapes.get(i), DType.FLOAT32));
        }
        this.outputs = outs;
        this.fn = fn;
    }

    @Override
    public String engine() {
        return "fake";
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    @Override
    public List<Tensor> run(List<Tensor> in) {
        calls.add(in.get(0).shape());
        return fn.apply(in.get(0));
    }

    @Override
    public void close() {
        closed = true;
    }
}
