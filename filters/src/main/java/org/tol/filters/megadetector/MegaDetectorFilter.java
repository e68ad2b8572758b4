package org.tol.filters.megadetector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.Tensor;
import org.tol.api.model.TensorSpec;
import org.tol.api.schema.Column;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MegaDetector as a rank filter: letterbox on the CPU pool, one batched forward pass, layout-specific
 * decoding, boxes mapped back to the original image. The output layout is found at construction from
 * the model's declared output shape, or from one forward pass on a blank image when that shape is dynamic,
 * so a model no decoder fits fails before any data is read.
 */
public final class MegaDetectorFilter implements ImageFilter<LetterboxedImage> {
    private static final Logger LOG = LoggerFactory.getLogger(MegaDetectorFilter.class);

    private final InferenceModel model;
    private final MegaDetectorOptions options;
    private final Letterbox letterbox;
    private final DetectionDecoder decoder;
    private final String modelDigest;
    /** The model's batch size when its export fixed it, else 0. */
    private final int fixedBatch;

    /** @param modelDigest identifies the weights in the run fingerprint (e.g. the file's SHA-256) */
    public MegaDetectorFilter(InferenceModel model, MegaDetectorOptions options, String modelDigest) throws Exception {
        this.model = model;
        this.options = options;
        this.letterbox = new Letterbox(options.imageSize());
        this.modelDigest = modelDigest;
        checkInput(model, options.imageSize());
        long batchAxis = model.inputs().get(0).shape()[0];
        this.fixedBatch = batchAxis > 0 ? (int) batchAxis : 0;
        this.decoder = DecoderSelector.forShape(outputShape(), options.iou());
        LOG.info("MegaDetector: {} output layout, NMS IoU {}, letterbox {}", decoder.layout(),
                Float.isNaN(decoder.iou()) ? "none" : decoder.iou(), options.imageSize());
    }

    public DetectionDecoder decoder() {
        return decoder;
    }

    private static void checkInput(InferenceModel model, int size) {
        List<TensorSpec> inputs = model.inputs();
        if (inputs.size() != 1 || !inputs.get(0).fits(-1, 3, size, size)) {
            throw new TolException("the detector's inputs " + inputs + " do not take [N, 3, " + size + ", " + size + "] images",
                    "pass --image-size matching the model's export size, or export the model with one image input");
        }
    }

    private long[] outputShape() throws Exception {
        List<TensorSpec> declared = model.outputs();
        if (!declared.isEmpty() && Arrays.stream(declared.get(0).shape()).skip(1).allMatch(d -> d > 0)) {
            return declared.get(0).shape();
        }
        int s = options.imageSize();
        int n = Math.max(1, fixedBatch);
        float[] blank = new float[n * 3 * s * s];
        Arrays.fill(blank, Letterbox.PAD);
        List<Tensor> out = model.run(List.of(new Tensor(blank, new long[] {n, 3, s, s})));
        return out.get(0).shape();
    }

    @Override
    public String name() {
        return "megadetector";
    }

    @Override
    public List<Column> outputColumns() {
        return MegaDetectorColumns.COLUMNS;
    }

    @Override
    public List<String> uuidColumns() {
        return List.of(MegaDetectorColumns.IMG_ID);
    }

    @Override
    public LetterboxedImage prepare(RgbImage image) {
        return letterbox.apply(image);
    }

    @Override
    public boolean preparesBgr() {
        return true;
    }

    /** Letterboxes a raw BGR cell in place: the same floats as {@link #prepare} of the RGB image it decodes to. */
    @Override
    public LetterboxedImage prepareBgr(byte[] bgr, int offset, int width, int height) {
        return letterbox.applyBgr(bgr, offset, width, height);
    }

    @Override
    public List<RowResult> infer(List<LetterboxedImage> batch) throws Exception {
        if (fixedBatch <= 0) {
            return runChunk(batch, batch.size());
        }
        // an export with a fixed batch axis (e.g. ultralytics without dynamic=True): run it in chunks of
        // exactly that size, padding the last one with blank letterboxes whose results are dropped
        List<RowResult> rows = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += fixedBatch) {
            rows.addAll(runChunk(batch.subList(from, Math.min(batch.size(), from + fixedBatch)), fixedBatch));
        }
        return rows;
    }

    private List<RowResult> runChunk(List<LetterboxedImage> chunk, int n) throws Exception {
        int s = options.imageSize();
        int plane = 3 * s * s;
        float[] data = new float[n * plane];
        for (int i = 0; i < n; i++) {
            if (i < chunk.size()) {
                System.arraycopy(chunk.get(i).chw(), 0, data, i * plane, plane);
            } else {
                Arrays.fill(data, i * plane, (i + 1) * plane, Letterbox.PAD);
            }
        }
        Tensor out = model.run(List.of(new Tensor(data, new long[] {n, 3, s, s}))).get(0);
        if (out.dim(0) != n) {
            throw new IllegalStateException("detector returned " + out + " for a batch of " + n);
        }
        return decodeBatch(out, chunk);
    }

    /** Decodes a batch output into rows; separate from {@link #infer} so benchmarks can time post-processing. */
    public List<RowResult> decodeBatch(Tensor out, List<LetterboxedImage> batch) {
        // decoders keep conf > minConf strictly, as ultralytics does in every layout; boxes above the lower of
        // the two thresholds are decoded, which leaves those above --conf unchanged (a lower-scored box never
        // suppresses a higher one in greedy NMS, and max_det keeps the best first)
        float minConf = Math.min(options.conf(), options.keepBoxesAbove());
        List<RowResult> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            List<Detection> dets = decoder.decode(out, i, minConf);
            if (dets.stream().anyMatch(d -> !Float.isFinite(d.conf()) || !Float.isFinite(d.x1() + d.y1() + d.x2() + d.y2()))) {
                rows.add(RowResult.failed("nan_output", "the detector returned a non-finite box or score"));
                continue;
            }
            rows.add(RowResult.ok(MegaDetectorColumns.row(dets, batch.get(i).geometry(), options.conf(),
                    options.keepBoxesAbove())));
        }
        return rows;
    }

    @Override
    public int preferredBatchSize() {
        return 32;
    }

    @Override
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model", modelDigest);
        f.put("layout", decoder.layout());
        f.put("image_size", Integer.toString(options.imageSize()));
        f.put("conf", Float.toString(options.conf()));
        f.put("iou", Float.isNaN(decoder.iou()) ? "none" : Float.toString(decoder.iou()));
        f.put("keep_boxes_above", Float.toString(options.keepBoxesAbove()));
        // 2: the reference's column types (and for MegaDetector its letterbox and strict threshold); a run
        // started by an older tol is refused on resume instead of mixing rows of both
        f.put("output_format", "2");
        return f;
    }

    @Override
    public void close() {
        model.close();
    }
}
