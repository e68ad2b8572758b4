package org.tol.api.filter;

import java.util.List;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;

/**
 * A per-image filter run by the rank runtime: CPU preparation of one image, then batched inference.
 *
 * <p>Lifecycle and threads: the runtime creates one filter per rank, before reading any data (so a model
 * whose signature does not fit fails at start-up), calls {@link #prepare} concurrently from its
 * preprocessing pool (it must be thread-safe and must not touch the GPU), calls {@link #infer} from one
 * inference thread only, and calls {@link #close} once when the rank is done. A filter must be
 * deterministic: resume and collect rely on a re-run producing the same values for the same row.
 *
 * @param <P> the prepared form of one image (a normalised tensor, a letterboxed buffer, ...)
 */
public interface ImageFilter<P> extends AutoCloseable {
    /** Short stable name, e.g. {@code image-stats}, {@code clip}; recorded in run metadata. */
    String name();

    /** The filter's own output columns, in order (the runtime adds uuid, status and error in front). */
    List<Column> outputColumns();

    /**
     * Names among {@link #outputColumns} (declared as strings) that repeat the row's uuid, filled by the
     * runtime on every row, failed ones included: the reference's MegaDetector output calls the uuid
     * {@code img_id}, and code written for it reads that name.
     */
    default List<String> uuidColumns() {
        return List.of();
    }

    /**
     * Names among {@link #outputColumns} that the runtime copies from the input row into every output row,
     * failed ones included ({@code --keep-columns identifier,source_id}): the input values as stored, typed as
     * declared there. Empty for a filter on its own; {@code PassThroughFilter} adds them to any filter.
     */
    default List<String> passThroughColumns() {
        return List.of();
    }

    /** Turns one decoded image into the filter's input; may throw to mark just this row as failed. */
    P prepare(RgbImage image) throws Exception;

    /**
     * Whether {@link #prepareBgr} is implemented: the runtime then hands it raw cells (TreeOfLife-200M's
     * uncompressed BGR rows) as read, instead of copying each into an RGB image first.
     */
    default boolean preparesBgr() {
        return false;
    }

    /**
     * The same result as {@link #prepare} on the RGB image of the raw BGR pixels {@code bgr[offset ..
     * offset + width*height*3)} (row-major, B, G, R per pixel), read in place; must not modify them, and must not
     * keep them past the call (the runtime recycles the array, which may be longer than the cell). Called
     * only when {@link #preparesBgr} is true, concurrently like {@link #prepare}.
     */
    default P prepareBgr(byte[] bgr, int offset, int width, int height) throws Exception {
        throw new UnsupportedOperationException(name() + " does not read raw BGR cells");
    }

    /**
     * Runs a batch of prepared images; returns exactly one result per element, in the same order. An
     * exception fails the whole batch (each row gets status {@code inference_error}); a per-row problem
     * (NaN output, ...) should be a failed {@link RowResult} instead.
     */
    List<RowResult> infer(List<P> batch) throws Exception;

    /** Batch size the filter works best at; the runtime's {@code --batch-size} overrides it. */
    default int preferredBatchSize() {
        return 64;
    }

    /**
     * Parameters that change the output (model file digest, thresholds, ...). The runtime stores them with
     * the run and refuses to resume into an output directory made with different ones.
     */
    default java.util.Map<String, String> fingerprint() {
        return java.util.Map.of();
    }

    @Override
    default void close() throws Exception {}
}
