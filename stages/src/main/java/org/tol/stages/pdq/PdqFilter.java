package org.tol.stages.pdq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.io.image.RawBgr;

/**
 * PDQ as a rank-runtime filter: the whole hash is computed in {@link #prepare} on the runtime's CPU pool
 * (one {@link PdqHasher} per pool thread), and {@link #infer} only turns results into rows, so no device
 * is used. With {@link PreResize#NONE} and {@link LumaPrecision#DOUBLE} (the defaults) the stored pixels are
 * hashed at full resolution with float64 luma, which is what the {@code pdqhash} binding behind the reference's
 * {@code hash_pdq} column does.
 */
public final class PdqFilter implements ImageFilter<PdqResult> {
    public static final String NAME = "pdq";
    /** Bumped when the hash of some image would change; part of the fingerprint that guards resume. */
    static final String ALGORITHM_VERSION = "pdq-1";

    private final PreResize preResize;
    private final LumaPrecision luma;
    private final ThreadLocal<PdqHasher> hashers;

    public PdqFilter(PreResize preResize, LumaPrecision luma) {
        this.preResize = preResize;
        this.luma = luma;
        this.hashers = ThreadLocal.withInitial(() -> new PdqHasher(luma));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Column> outputColumns() {
        return PdqColumns.OUTPUT;
    }

    @Override
    public PdqResult prepare(RgbImage image) {
        return hashers.get().hash(preResize.apply(image));
    }

    @Override
    public boolean preparesBgr() {
        return true;
    }

    /** Hashes the stored BGR bytes directly (same bits as {@link #prepare} of the RGB image they decode to). */
    @Override
    public PdqResult prepareBgr(byte[] bgr, int offset, int width, int height) {
        if (preResize.changes(width, height)) {
            RgbImage rgb = RawBgr.toRgb(java.nio.ByteBuffer.wrap(bgr, offset, width * height * 3), width, height);
            return prepare(rgb);
        }
        return hashers.get().hashBgr(bgr, offset, width, height);
    }

    @Override
    public List<RowResult> infer(List<PdqResult> batch) {
        List<RowResult> out = new ArrayList<>(batch.size());
        for (PdqResult r : batch) {
            out.add(RowResult.ok(PdqColumns.values(r)));
        }
        return out;
    }

    /** Hashing is cheap per image; large batches just amortise the hand-off between threads. */
    @Override
    public int preferredBatchSize() {
        return 256;
    }

    @Override
    public Map<String, String> fingerprint() {
        // tol hashed with float luma before --luma-precision existed, and its runs have no such key: leaving the
        // key out for float lets those runs resume with --luma-precision float, while the default (double)
        // refuses to mix its hashes into them
        if (luma == LumaPrecision.FLOAT) {
            return Map.of("algorithm", ALGORITHM_VERSION, "pre_resize", preResize.label());
        }
        return Map.of("algorithm", ALGORITHM_VERSION, "pre_resize", preResize.label(), "luma_precision", luma.label());
    }
}
