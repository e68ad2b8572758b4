package org.tol.filters.faces;

import java.util.List;
import org.tol.api.TolException;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;

/**
 * The three MTCNN networks with facenet-pytorch's signatures, their outputs told apart by shape (export
 * tools rename outputs freely): P-Net {@code [N,3,H,W]} -> regression {@code [N,4,h,w]} and face
 * probability {@code [N,2,h,w]}; R-Net {@code [N,3,24,24]} -> {@code [N,4]}, {@code [N,2]}; O-Net
 * {@code [N,3,48,48]} -> {@code [N,4]}, landmarks {@code [N,10]}, {@code [N,2]}. Probabilities are the
 * nets' softmax outputs; channel 1 is "face". Each net is probed once with a zero input at construction,
 * so a wrong file fails before any data is read.
 *
 * <p>Orientation: the original Caffe MTCNN was trained on transposed images; facenet-pytorch's nets absorb
 * that (R/O-Net flatten in (W, H, C) order via {@code permute(0, 3, 2, 1)}), so exports of them take
 * ordinary RGB NCHW images and return (dx1, dy1, dx2, dy2) and landmarks x1..x5, y1..y5. Exports of the
 * raw Caffe/TF weights would need transposed inputs and are not supported.
 */
public final class MtcnnNets implements AutoCloseable {
    public static final int RNET_SIZE = 24;
    public static final int ONET_SIZE = 48;

    private final InferenceModel pnet;
    private final InferenceModel rnet;
    private final InferenceModel onet;

    public MtcnnNets(InferenceModel pnet, InferenceModel rnet, InferenceModel onet) throws Exception {
        this.pnet = pnet;
        this.rnet = rnet;
        this.onet = onet;
        pnet(zeros(12));
        rnet(zeros(RNET_SIZE));
        onet(zeros(ONET_SIZE));
    }

    private static Tensor zeros(int size) {
        return new Tensor(new float[3 * size * size], new long[] {1, 3, size, size});
    }

    /** P-Net outputs: {@code reg [N,4,h,w]} and {@code prob [N,2,h,w]}. */
    public record PnetOutput(Tensor reg, Tensor prob) {}

    /** R-Net or O-Net outputs, flattened per candidate: reg {@code [N*4]}, landmarks {@code [N*10]} (O-Net only), prob {@code [N*2]}. */
    public record StageOutput(float[] reg, float[] landmarks, float[] prob) {}

    public PnetOutput pnet(Tensor input) throws Exception {
        List<Tensor> out = pnet.run(List.of(input));
        Tensor reg = byChannels(out, 4, 4, "P-Net");
        Tensor prob = byChannels(out, 4, 2, "P-Net");
        if (reg.dim(0) != input.dim(0) || reg.dim(2) != prob.dim(2) || reg.dim(3) != prob.dim(3)) {
            throw bad("P-Net", out);
        }
        return new PnetOutput(reg, prob);
    }

    public StageOutput rnet(Tensor input) throws Exception {
        List<Tensor> out = rnet.run(List.of(input));
        return new StageOutput(byChannels(out, 2, 4, "R-Net").data(), null, byChannels(out, 2, 2, "R-Net").data());
    }

    public StageOutput onet(Tensor input) throws Exception {
        List<Tensor> out = onet.run(List.of(input));
        return new StageOutput(byChannels(out, 2, 4, "O-Net").data(), byChannels(out, 2, 10, "O-Net").data(),
                byChannels(out, 2, 2, "O-Net").data());
    }

    private static Tensor byChannels(List<Tensor> outputs, int rank, int channels, String net) {
        Tensor found = null;
        for (Tensor t : outputs) {
            if (t.shape().length == rank && t.dim(1) == channels) {
                if (found != null) {
                    throw bad(net, outputs);
                }
                found = t;
            }
        }
        if (found == null) {
            throw bad(net, outputs);
        }
        return found;
    }

    private static TolException bad(String net, List<Tensor> outputs) {
        return new TolException(net + " returned " + outputs + ", which does not match facenet-pytorch's signature",
                "P-Net must return [N,4,h,w] and [N,2,h,w], R-Net [N,4] and [N,2], O-Net [N,4], [N,10] and [N,2];"
                        + " export the nets from facenet-pytorch (see docs/detectors.md)");
    }

    @Override
    public void close() {
        pnet.close();
        rnet.close();
        onet.close();
    }
}
