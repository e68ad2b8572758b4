package org.tol.stages.wds;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.filters.resample.PillowResampler;
import org.tol.filters.resample.ResampleKernel;
import org.tol.filters.resample.RowLayout;
import org.tol.io.image.ImageEncoder;
import org.tol.wds.Sample;
import org.tol.wds.taxon.Taxon;
import org.tol.wds.taxon.TaxonText;

/**
 * Turns a decoded image and its taxon into the reference's 11-member sample: {@code jpg} (resized, JPEG) plus
 * the ten text members. Thread-safe.
 */
public final class SampleFactory {
    private static final PillowResampler BICUBIC = new PillowResampler(ResampleKernel.BICUBIC);

    private final WdsImageOptions image;
    private final ImageEncoder jpeg;

    public SampleFactory(WdsImageOptions image) {
        this.image = image;
        this.jpeg = new ImageEncoder(ImageEncoder.Format.JPEG, image.quality());
    }

    /** Daemon threads that decode, resize and encode images for one rank. */
    public static java.util.concurrent.ExecutorService imagePool(int threads) {
        return java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "tol-wds-image");
            t.setDaemon(true);
            return t;
        });
    }

    /** The resized JPEG of an image. */
    public byte[] jpeg(RgbImage img) {
        // swapped by the resampler's first pass into OpenCV's BGR order, so the encoder needs no swap of its own
        return jpeg(img.pixels(), img.width(), img.height(), new RowLayout(true, false));
    }

    /** The resized JPEG of a raw BGR cell: resized as it is, BGR in and BGR out, the same JPEG as from its RGB. */
    public byte[] jpegBgr(byte[] bgr, int width, int height) {
        return jpeg(bgr, width, height, RowLayout.INTERLEAVED);
    }

    private byte[] jpeg(byte[] px, int width, int height, RowLayout toBgr) {
        int[] t = image.target(width, height);
        int rowBytes = t[0] * 3;
        byte[] bgr = new byte[rowBytes * t[1]];
        BICUBIC.resizeCrop(px, 0, width, height, t[0], t[1], 0, 0, t[0], t[1], toBgr, (row, v) -> {
            for (int i = 0, o = row * rowBytes; i < rowBytes; i++, o++) {
                bgr[o] = (byte) v[i];
            }
        });
        return jpeg.encodeBgr(t[0], t[1], bgr);
    }

    /** The sample, or an exception whose message says what is wrong with this row. */
    public Sample sample(String key, DecodeResult decoded, Taxon taxon, String common) throws BadRowException {
        if (!decoded.isOk()) {
            throw new BadRowException(decoded.error().status(), decoded.message());
        }
        checkTaxon(taxon);
        return sample(key, jpeg(decoded.image()), taxon, common);
    }

    /** The sample of a raw BGR cell, or an exception whose message says what is wrong with this row. */
    public Sample sample(String key, SampleItem.BgrCell cell, Taxon taxon, String common) throws BadRowException {
        checkTaxon(taxon);
        return sample(key, jpegBgr(cell.bytes(), cell.width(), cell.height()), taxon, common);
    }

    private static void checkTaxon(Taxon taxon) throws BadRowException {
        if (taxon == null || taxon.empty()) {
            throw new BadRowException("no_taxon", "the row has no taxon (all ranks empty or unknown)");
        }
    }

    private static Sample sample(String key, byte[] jpg, Taxon taxon, String common) throws BadRowException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("jpg", jpg);
        TaxonText.members(taxon, common).forEach((ext, text) -> members.put(ext, text.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Sample(key, members);
        } catch (IllegalArgumentException e) {
            throw new BadRowException("bad_key", e.getMessage());
        }
    }

    /** A row that becomes a failure record instead of a sample. */
    public static final class BadRowException extends Exception {
        private final String status;

        public BadRowException(String status, String message) {
            super(message);
            this.status = status;
        }

        public String status() {
            return status;
        }
    }
}
