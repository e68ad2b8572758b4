package org.tol.filters.faces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;

/**
 * MTCNN face detection as a rank filter, as the reference ran it: each image is stretched to 720x720
 * (Pillow bilinear, aspect not kept) and its P-Net pyramid is built on the CPU pool; the cascade runs
 * batched on the inference thread; boxes and landmarks are mapped back to original pixels by the
 * stretch factors.
 */
public final class FaceFilter implements ImageFilter<FaceInput> {
    private final MtcnnNets nets;
    private final MtcnnOptions options;
    private final MtcnnCascade cascade;
    private final Pyramid pyramid;
    private final String modelDigest;

    /** @param modelDigest identifies the three nets' weights in the run fingerprint */
    public FaceFilter(MtcnnNets nets, MtcnnOptions options, String modelDigest) {
        this.nets = nets;
        this.options = options;
        this.cascade = new MtcnnCascade(nets, options);
        this.pyramid = options.pyramid(options.workSize());
        this.modelDigest = modelDigest;
    }

    @Override
    public String name() {
        return "faces";
    }

    @Override
    public List<Column> outputColumns() {
        return FaceColumns.COLUMNS;
    }

    @Override
    public FaceInput prepare(RgbImage image) {
        int s = options.workSize();
        return withPyramid(PilBilinearResize.resize(image.pixels(), image.width(), image.height(), s, s),
                image.width(), image.height());
    }

    @Override
    public boolean preparesBgr() {
        return true;
    }

    /**
     * Stretches a raw BGR cell read in place (the swap done where the resampler's first pass stores its values):
     * the same working image and pyramid as {@link #prepare} of the RGB image it decodes to.
     */
    @Override
    public FaceInput prepareBgr(byte[] bgr, int offset, int width, int height) {
        if ((long) width * height * 3 > bgr.length - offset) {
            throw new IllegalArgumentException("a " + width + "x" + height + " BGR image needs "
                    + (long) width * height * 3 + " bytes, the cell holds " + (bgr.length - offset));
        }
        int s = options.workSize();
        return withPyramid(PilBilinearResize.resizeBgrToRgb(bgr, offset, width, height, s, s), width, height);
    }

    private FaceInput withPyramid(byte[] work, int width, int height) {
        int s = options.workSize();
        float[][] levels = SummedAreaPyramid.levels(work, s, s, pyramid);
        return new FaceInput(work, s, levels, width, height);
    }

    @Override
    public List<RowResult> infer(List<FaceInput> batch) throws Exception {
        List<List<Face>> faces = cascade.detect(batch);
        List<RowResult> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(RowResult.ok(FaceColumns.row(toOriginal(faces.get(i), batch.get(i)), options.scoreRule())));
        }
        return rows;
    }

    /** Maps working-image faces back to the original image's pixels (the 720x720 stretch undone per axis). */
    static List<Face> toOriginal(List<Face> faces, FaceInput in) {
        float sx = (float) in.originalWidth() / in.size();
        float sy = (float) in.originalHeight() / in.size();
        List<Face> out = new ArrayList<>(faces.size());
        for (Face f : faces) {
            out.add(f.scaled(sx, sy));
        }
        return out;
    }

    @Override
    public int preferredBatchSize() {
        return 32;
    }

    @Override
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("models", modelDigest);
        f.put("min_face", Double.toString(options.minFace()));
        f.put("factor", Double.toString(options.factor()));
        f.put("thresholds", options.thresholds()[0] + "," + options.thresholds()[1] + "," + options.thresholds()[2]);
        f.put("score_rule", Float.toString(options.scoreRule()));
        f.put("work_size", Integer.toString(options.workSize()));
        // 2: the reference's column types (and for MegaDetector its letterbox and strict threshold); a run
        // started by an older tol is refused on resume instead of mixing rows of both
        f.put("output_format", "2");
        return f;
    }

    @Override
    public void close() {
        nets.close();
    }
}
