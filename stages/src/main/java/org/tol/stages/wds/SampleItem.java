package org.tol.stages.wds;

import java.util.function.Supplier;
import org.tol.api.image.DecodeResult;
import org.tol.wds.taxon.Taxon;

/**
 * One would-be sample: its key, its image, its taxon and common name. The image is either a raw BGR cell as
 * stored ({@code raw}, resized as it is: no RGB copy) or how to decode it ({@code image}); both run on a worker
 * thread.
 */
public record SampleItem(String key, Supplier<DecodeResult> image, BgrCell raw, Taxon taxon, String common) {
    /** {@code width*height*3} bytes of B, G, R per pixel, row-major (TreeOfLife-200M's image column). */
    public record BgrCell(byte[] bytes, int width, int height) {}

    /** An image to decode. */
    public SampleItem(String key, Supplier<DecodeResult> image, Taxon taxon, String common) {
        this(key, image, null, taxon, common);
    }

    /** A raw BGR cell. */
    public static SampleItem raw(String key, BgrCell cell, Taxon taxon, String common) {
        return new SampleItem(key, null, cell, taxon, common);
    }
}
