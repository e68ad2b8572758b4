package org.tol.filters.faces;

import java.util.ArrayList;
import java.util.List;
import org.tol.api.model.Tensor;
import org.tol.filters.detect.Nms;

/**
 * facenet-pytorch's {@code detect_face}, batched across the images of a batch at every stage: P-Net on
 * each pyramid level of all images at once (per-image NMS 0.5 per scale, then 0.7 across scales,
 * regression, squaring), R-Net and O-Net on the pooled candidates of all images in chunks of at most
 * {@code maxCandidates} (facenet-pytorch's fixed_batch_process, which the reference needed against
 * out-of-memory on busy images), thresholds strict ({@code >}) after R/O-Net and {@code >=} for P-Net,
 * R-Net NMS 0.7, O-Net landmarks then regression then "Min" NMS 0.7.
 */
public final class MtcnnCascade {
    private final MtcnnNets nets;
    private final MtcnnOptions options;
    /** Crop source; the cascade runs on the rank's single inference thread, so one reusable table is enough. */
    private final SummedAreaTable crops = new SummedAreaTable();
    /** Input bytes per P-Net run on the large pyramid levels (see {@link #pnetImagesPerRun}). */
    static final long PNET_INPUT_BYTES = 16L << 20;
    private final long pnetInputBytes;

    public MtcnnCascade(MtcnnNets nets, MtcnnOptions options) {
        this(nets, options, PNET_INPUT_BYTES);
    }

    MtcnnCascade(MtcnnNets nets, MtcnnOptions options, long pnetInputBytes) {
        this.nets = nets;
        this.options = options;
        this.pnetInputBytes = pnetInputBytes;
    }

    /** Faces per image, in working-image pixels, best first. */
    public List<List<Face>> detect(List<FaceInput> batch) throws Exception {
        List<List<Candidate>> perImage = stage1(batch);
        List<Candidate> all = flatten(perImage);
        all = stage2(batch, all);
        all = stage3(batch, all);
        List<List<Face>> faces = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            faces.add(new ArrayList<>());
        }
        for (Candidate c : all) {
            faces.get(c.image).add(new Face(c.box(), c.score, c.landmarks));
        }
        return faces;
    }

    /**
     * Images per P-Net run on a level of {@code len} floats per image: the whole batch, except on the large
     * levels, which run in parts of at most {@link #PNET_INPUT_BYTES} (16 MB: 7 images of the first level) of input. P-Net's activations
     * are ~5x its input (10 channels at full size, then 16 and 32 at a quarter), so 32 images of the 432x432
     * first level of a 720 working image held ~0.5 GB outside the heap at once for no gain: each image's
     * outputs are the same whatever the batch (checked by MtcnnCascadeTest).
     */
    int pnetImagesPerRun(int n, int len) {
        long perImage = 4L * len;
        return (int) Math.max(1, Math.min(n, pnetInputBytes / perImage));
    }

    private List<List<Candidate>> stage1(List<FaceInput> batch) throws Exception {
        int n = batch.size();
        int size = batch.get(0).size();
        Pyramid pyramid = options.pyramid(size);
        List<List<Candidate>> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kept.add(new ArrayList<>());
        }
        for (int k = 0; k < pyramid.levels(); k++) {
            int lh = pyramid.levelHeight(k);
            int lw = pyramid.levelWidth(k);
            int len = 3 * lh * lw;
            int step = pnetImagesPerRun(n, len);
            for (int from = 0; from < n; from += step) {
                int to = Math.min(n, from + step);
                float[] data = new float[(to - from) * len];
                for (int i = from; i < to; i++) {
                    System.arraycopy(batch.get(i).levels()[k], 0, data, (i - from) * len, len);
                }
                MtcnnNets.PnetOutput out = nets.pnet(new Tensor(data, new long[] {to - from, 3, lh, lw}));
                int oh = (int) out.prob().dim(2);
                int ow = (int) out.prob().dim(3);
                int plane = oh * ow;
                for (int i = from; i < to; i++) {
                    int q = i - from;
                    List<Candidate> cands = BoxSteps.generate(i, out.reg().data(), q * 4 * plane, out.prob().data(),
                            q * 2 * plane + plane, oh, ow, pyramid.scales().get(k), options.thresholds()[0]);
                    kept.get(i).addAll(nms(cands, 0.5f, Nms.Mode.IOU));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            List<Candidate> c = nms(kept.get(i), 0.7f, Nms.Mode.IOU);
            for (Candidate cand : c) {
                BoxSteps.refineStage1(cand);
                BoxSteps.square(cand);
            }
            kept.set(i, c);
        }
        return kept;
    }

    private List<Candidate> stage2(List<FaceInput> batch, List<Candidate> cands) throws Exception {
        List<Candidate> passed = new ArrayList<>();
        runRefineNet(batch, cands, MtcnnNets.RNET_SIZE, options.thresholds()[1], passed);
        List<Candidate> out = new ArrayList<>();
        for (List<Candidate> img : byImage(passed, batch.size())) {
            for (Candidate c : nms(img, 0.7f, Nms.Mode.IOU)) {
                BoxSteps.bbreg(c);
                BoxSteps.square(c);
                out.add(c);
            }
        }
        return out;
    }

    private List<Candidate> stage3(List<FaceInput> batch, List<Candidate> cands) throws Exception {
        List<Candidate> passed = new ArrayList<>();
        runRefineNet(batch, cands, MtcnnNets.ONET_SIZE, options.thresholds()[2], passed);
        List<Candidate> out = new ArrayList<>();
        for (List<Candidate> img : byImage(passed, batch.size())) {
            for (Candidate c : img) {
                BoxSteps.bbreg(c);
            }
            out.addAll(nms(img, 0.7f, Nms.Mode.MIN));
        }
        return out;
    }

    /**
     * Crops every candidate (clamped by {@link BoxSteps#pad}), resamples it to {@code netSize}, runs R-Net
     * (24) or O-Net (48) in chunks and adds the candidates scoring {@code > threshold} to {@code passed},
     * each with its new score, regression and (O-Net) landmarks.
     */
    private void runRefineNet(List<FaceInput> batch, List<Candidate> cands, int netSize, float threshold,
            List<Candidate> passed) throws Exception {
        List<Candidate> croppable = new ArrayList<>();
        List<int[]> regions = new ArrayList<>();
        for (Candidate c : cands) {
            FaceInput img = batch.get(c.image);
            int[] r = BoxSteps.pad(c, img.size(), img.size());
            if (r != null) {
                croppable.add(c);
                regions.add(r);
            }
        }
        int len = 3 * netSize * netSize;
        int tableOf = -1; // candidates come grouped by image, so each image's table is built about once
        for (int from = 0; from < croppable.size(); from += options.maxCandidates()) {
            int to = Math.min(croppable.size(), from + options.maxCandidates());
            float[] data = new float[(to - from) * len];
            for (int j = from; j < to; j++) {
                int image = croppable.get(j).image;
                if (image != tableOf) {
                    FaceInput img = batch.get(image);
                    crops.fill(img.work(), img.size(), img.size());
                    tableOf = image;
                }
                int[] r = regions.get(j);
                crops.resizeNormalized(r[0] - 1, r[1] - 1, r[2] - r[0] + 1, r[3] - r[1] + 1, netSize, netSize, data,
                        (j - from) * len);
            }
            Tensor input = new Tensor(data, new long[] {to - from, 3, netSize, netSize});
            MtcnnNets.StageOutput out = netSize == MtcnnNets.RNET_SIZE ? nets.rnet(input) : nets.onet(input);
            for (int j = from; j < to; j++) {
                int q = j - from;
                float score = out.prob()[q * 2 + 1];
                if (score > threshold) {
                    Candidate old = croppable.get(j);
                    float[] reg = {out.reg()[q * 4], out.reg()[q * 4 + 1], out.reg()[q * 4 + 2], out.reg()[q * 4 + 3]};
                    Candidate c = new Candidate(old.image, old.x1, old.y1, old.x2, old.y2, score, reg);
                    if (out.landmarks() != null) {
                        c.landmarks = BoxSteps.landmarks(c, out.landmarks(), q * 10);
                    }
                    passed.add(c);
                }
            }
        }
    }

    private static List<Candidate> nms(List<Candidate> cands, float threshold, Nms.Mode mode) {
        float[][] boxes = new float[cands.size()][];
        float[] scores = new float[cands.size()];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = cands.get(i).box();
            scores[i] = cands.get(i).score;
        }
        List<Candidate> out = new ArrayList<>();
        for (int k : Nms.run(boxes, scores, null, threshold, mode)) {
            out.add(cands.get(k));
        }
        return out;
    }

    private static List<List<Candidate>> byImage(List<Candidate> cands, int n) {
        List<List<Candidate>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (Candidate c : cands) {
            out.get(c.image).add(c);
        }
        return out;
    }

    private static List<Candidate> flatten(List<List<Candidate>> perImage) {
        List<Candidate> out = new ArrayList<>();
        perImage.forEach(out::addAll);
        return out;
    }
}
