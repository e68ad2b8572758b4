package org.tol.models.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;

/** An ONNX model in an ORT session; inputs are matched to the declared inputs by position. */
public final class OrtModel implements InferenceModel {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Device device;
    private final boolean tensorRt;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, String> metadata;

    OrtModel(OrtEnvironment env, OrtSessions.Opened opened) throws OrtException {
        this.env = env;
        this.session = opened.session();
        this.device = opened.device();
        this.tensorRt = opened.tensorRt();
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
        this.metadata = Map.copyOf(session.getMetadata().getCustomMetadata());
    }

    @Override
    public String engine() {
        return "onnxruntime";
    }

    @Override
    public Device device() {
        return device;
    }

    /** True when the TensorRT provider was registered (it still falls back per node to CUDA). */
    public boolean tensorRt() {
        return tensorRt;
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** The model's metadata_props (producer-defined key/value pairs). */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public List<Tensor> run(List<Tensor> in) throws OrtException {
        if (in.size() != inputs.size()) {
            throw new IllegalArgumentException("model takes " + inputs.size() + " inputs " + inputs + ", got " + in.size());
        }
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        List<java.nio.ByteBuffer> owned = new ArrayList<>(in.size());
        try {
            for (int i = 0; i < in.size(); i++) {
                TensorSpec spec = inputs.get(i);
                feed.put(spec.name(), OrtTensors.toOrt(env, in.get(i), spec.dtype(), owned));
            }
            try (OrtSession.Result result = session.run(feed)) {
                List<Tensor> out = new ArrayList<>(outputs.size());
                for (int i = 0; i < outputs.size(); i++) {
                    OnnxValue v = result.get(i);
                    if (!(v instanceof OnnxTensor t)) {
                        throw new IllegalStateException("model output '" + outputs.get(i).name() + "' is not a tensor");
                    }
                    out.add(OrtTensors.fromOrt(outputs.get(i).name(), t));
                }
                return out;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
            owned.forEach(DirectBuffers::free); // now, not when the collector gets to it (see DirectBuffers)
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing ONNX Runtime session failed", e);
        }
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> list = new ArrayList<>();
        for (NodeInfo n : infos.values()) {
            if (n.getInfo() instanceof TensorInfo ti) {
                list.add(new TensorSpec(n.getName(), ti.getShape(), OrtTensors.dtype(ti.type)));
            } else {
                list.add(new TensorSpec(n.getName(), new long[0], DType.UNKNOWN));
            }
        }
        return List.copyOf(list);
    }
}
