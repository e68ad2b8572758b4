package org.tol.models.onnx;

import ai.onnxruntime.platform.Fp16Conversions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.model.DType;
import org.tol.io.fs.AtomicFiles;

/**
 * Writes ONNX models (ModelProto → GraphProto → NodeProto / TensorProto / ValueInfoProto) without protobuf
 * libraries or Python. Used by the quickstart's demo models and by tests that need models whose outputs they
 * can compute independently.
 *
 * <p>Defaults: IR version 8 and the default-domain opset 13, which ONNX Runtime 1.29 runs. A dimension given
 * as {@code -1} becomes a symbolic (dynamic) dimension named {@code N} on axis 0 and {@code d<axis>} elsewhere.
 *
 * <pre>{@code
 * byte[] onnx = new OnnxModelBuilder("tiny")
 *     .input("x", DType.FLOAT32, -1, 4)
 *     .initializer("W", new long[] {4, 2}, weights)
 *     .node("MatMul", List.of("x", "W"), "y").done()
 *     .output("y", DType.FLOAT32, -1, 2)
 *     .build();
 * }</pre>
 */
public final class OnnxModelBuilder {
    private final String graphName;
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<NodeBuilder> nodes = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private long irVersion = 8;
    private long opset = 13;
    private String docString = "";
    private String producer = "tol";

    public OnnxModelBuilder(String graphName) {
        this.graphName = graphName;
    }

    public OnnxModelBuilder irVersion(long v) {
        this.irVersion = v;
        return this;
    }

    public OnnxModelBuilder opset(long v) {
        this.opset = v;
        return this;
    }

    public OnnxModelBuilder docString(String doc) {
        this.docString = doc;
        return this;
    }

    public OnnxModelBuilder producer(String name) {
        this.producer = name;
        return this;
    }

    /** A key/value pair in the model's metadata_props (shown by {@code tol models describe}). */
    public OnnxModelBuilder metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Declares a graph input; -1 dimensions are dynamic. */
    public OnnxModelBuilder input(String name, DType type, long... dims) {
        inputs.add(valueInfo(name, type, dims));
        return this;
    }

    /** Declares a graph output; -1 dimensions are dynamic. */
    public OnnxModelBuilder output(String name, DType type, long... dims) {
        outputs.add(valueInfo(name, type, dims));
        return this;
    }

    /** A float32 initializer (weights). */
    public OnnxModelBuilder initializer(String name, long[] dims, float[] data) {
        initializers.add(floatTensor(name, dims, data, DType.FLOAT32));
        return this;
    }

    /** A float16 initializer; values are rounded to half precision here. */
    public OnnxModelBuilder initializerFp16(String name, long[] dims, float[] data) {
        initializers.add(floatTensor(name, dims, data, DType.FLOAT16));
        return this;
    }

    /** An int64 initializer (shapes for Reshape, indices for Slice, axes ...). */
    public OnnxModelBuilder initializerInt64(String name, long[] dims, long[] data) {
        initializers.add(int64Tensor(name, dims, data));
        return this;
    }

    /** Adds a node with one output; finish its attributes with {@link NodeBuilder#done()}. */
    public NodeBuilder node(String opType, List<String> nodeInputs, String output) {
        return node(opType, nodeInputs, List.of(output));
    }

    /** Adds a node; an empty string in {@code nodeInputs} marks an omitted optional input. */
    public NodeBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs) {
        NodeBuilder n = new NodeBuilder(this, opType, nodeInputs, nodeOutputs, opType + "_" + nodes.size());
        nodes.add(n);
        return n;
    }

    /** Adds a Constant node producing a float32 tensor named {@code output}. */
    public OnnxModelBuilder constant(String output, long[] dims, float[] data) {
        NodeBuilder n = node("Constant", List.of(), output);
        n.attrs.add(attribute("value", 4).message(5, floatTensor("", dims, data, DType.FLOAT32)));
        return this;
    }

    /** Adds a Constant node producing an int64 tensor named {@code output}. */
    public OnnxModelBuilder constantInt64(String output, long[] dims, long[] data) {
        NodeBuilder n = node("Constant", List.of(), output);
        n.attrs.add(attribute("value", 4).message(5, int64Tensor("", dims, data)));
        return this;
    }

    /** Serialises the model. */
    public byte[] build() {
        ProtoWriter graph = new ProtoWriter();
        for (NodeBuilder n : nodes) {
            graph.message(1, n.proto());
        }
        graph.string(2, graphName);
        for (ProtoWriter t : initializers) {
            graph.message(5, t);
        }
        if (!docString.isEmpty()) {
            graph.string(10, docString);
        }
        for (ProtoWriter v : inputs) {
            graph.message(11, v);
        }
        for (ProtoWriter v : outputs) {
            graph.message(12, v);
        }
        ProtoWriter model = new ProtoWriter()
                .varint(1, irVersion)
                .string(2, producer)
                .string(3, "1")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset));
        if (!docString.isEmpty()) {
            model.string(6, docString);
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            model.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        return model.toByteArray();
    }

    /** Writes the model atomically (temporary file in the same directory, fsync, rename). */
    public Path write(Path target) throws IOException {
        byte[] bytes = build();
        AtomicFiles.write(target, out -> out.write(bytes));
        return target;
    }

    /** ONNX TensorProto.DataType code of a tol dtype. */
    public static int onnxDataType(DType type) {
        return switch (type) {
            case FLOAT32 -> 1;
            case UINT8 -> 2;
            case INT8 -> 3;
            case INT32 -> 6;
            case INT64 -> 7;
            case BOOL -> 9;
            case FLOAT16 -> 10;
            case FLOAT64 -> 11;
            case BFLOAT16 -> 16;
            case UNKNOWN -> throw new IllegalArgumentException("no ONNX data type for UNKNOWN");
        };
    }

    private static ProtoWriter valueInfo(String name, DType type, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (int axis = 0; axis < dims.length; axis++) {
            ProtoWriter dim = new ProtoWriter();
            if (dims[axis] < 0) {
                dim.string(2, axis == 0 ? "N" : "d" + axis);
            } else {
                dim.varint(1, dims[axis]);
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, onnxDataType(type)).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    private static ProtoWriter floatTensor(String name, long[] dims, float[] data, DType type) {
        checkCount(name, dims, data.length);
        ByteBuffer raw;
        if (type == DType.FLOAT16) {
            raw = ByteBuffer.allocate(data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                raw.putShort(Fp16Conversions.floatToFp16(v));
            }
        } else {
            raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                raw.putFloat(v);
            }
        }
        return tensorHeader(name, dims, type).bytes(9, raw.array());
    }

    private static ProtoWriter int64Tensor(String name, long[] dims, long[] data) {
        checkCount(name, dims, data.length);
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : data) {
            raw.putLong(v);
        }
        return tensorHeader(name, dims, DType.INT64).bytes(9, raw.array());
    }

    private static ProtoWriter tensorHeader(String name, long[] dims, DType type) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d); // dims as unpacked repeated int64: valid protobuf and what older writers emit
        }
        t.varint(2, onnxDataType(type));
        if (!name.isEmpty()) {
            t.string(8, name);
        }
        return t;
    }

    private static void checkCount(String name, long[] dims, int count) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("tensor '" + name + "': dims need " + n + " values, got " + count);
        }
    }

    static ProtoWriter attribute(String name, int type) {
        return new ProtoWriter().string(1, name).varint(20, type);
    }

    /** One node under construction; attribute setters return this, {@link #done()} the model builder. */
    public static final class NodeBuilder {
        private final OnnxModelBuilder owner;
        private final String opType;
        private final List<String> inputs;
        private final List<String> outputs;
        private String name;
        final List<ProtoWriter> attrs = new ArrayList<>();

        private NodeBuilder(OnnxModelBuilder owner, String opType, List<String> inputs, List<String> outputs, String name) {
            this.owner = owner;
            this.opType = opType;
            this.inputs = List.copyOf(inputs);
            this.outputs = List.copyOf(outputs);
            this.name = name;
        }

        public NodeBuilder name(String nodeName) {
            this.name = nodeName;
            return this;
        }

        public NodeBuilder attr(String attrName, long value) {
            attrs.add(attribute(attrName, 2).varint(3, value));
            return this;
        }

        public NodeBuilder attr(String attrName, float value) {
            attrs.add(attribute(attrName, 1).fixedFloat(2, value));
            return this;
        }

        public NodeBuilder attr(String attrName, String value) {
            attrs.add(attribute(attrName, 3).string(4, value));
            return this;
        }

        public NodeBuilder attrInts(String attrName, long... values) {
            attrs.add(attribute(attrName, 7).packedVarints(8, values));
            return this;
        }

        public NodeBuilder attrFloats(String attrName, float... values) {
            attrs.add(attribute(attrName, 6).packedFloats(7, values));
            return this;
        }

        public OnnxModelBuilder done() {
            return owner;
        }

        private ProtoWriter proto() {
            ProtoWriter n = new ProtoWriter();
            for (String in : inputs) {
                n.string(1, in);
            }
            for (String out : outputs) {
                n.string(2, out);
            }
            n.string(3, name).string(4, opType);
            for (ProtoWriter a : attrs) {
                n.message(5, a);
            }
            return n;
        }
    }
}
