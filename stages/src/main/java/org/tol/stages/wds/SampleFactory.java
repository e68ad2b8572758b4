package org.tol.stages.wds;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.filters.resample.PillowResampler;
import org.tol.filters.resample.ResampleKernel;
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
        int[] t = image.target(img.width(), img.height());
        int rowBytes = t[0] * 3;
        byte[] bgr = new byte[rowBytes * t[1]];
        // The resized rows go straight into OpenCV's BGR order, so the encoder needs no swap of its own.
        BICUBIC.resizeCrop(img.pixels(), img.width(), img.height(), t[0], t[1], 0, 0, t[0], t[1], (row, v) -> {
            for (int i = 0, o = row * rowBytes; i < rowBytes; i += 3, o += 3) {
                bgr[o] = (byte) v[i + 2];
                bgr[o + 1] = (byte) v[i + 1];
                bgr[o + 2] = (byte) v[i];
            }
        });
        return jpeg.encodeBgr(t[0], t[1], bgr);
    }

    /** The sample, or an exception whose message says what is wrong with this row. */
    public Sample sample(String key, DecodeResult decoded, Taxon taxon, String common) throws BadRowException {
        if (!decoded.isOk()) {
            throw new BadRowException(decoded.error().status(), decoded.message());
        }
        if (taxon == null || taxon.empty()) {
            throw new BadRowException("no_taxon", "the row has no taxon (all ranks empty or unknown)");
        }
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("jpg", jpeg(decoded.image()));
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
