package org.tol.gbif.wds;

import java.util.List;
import java.util.Map;
import org.tol.api.image.RgbImage;
import org.tol.filters.resample.PillowResampler;
import org.tol.filters.resample.ResampleKernel;
import org.tol.io.image.ImageEncoder;

/**
 * The pixel path of the reference's create-webdataset when a MegaDetector JSON or {@code --resize-min-size} is
 * given: crop to the most confident detection (a square 1.2x the larger bbox side around its centre, clamped to
 * the image, corners truncated to ints: {@code utils.square_crop}), then torchvision {@code Resize(N)} (shorter
 * side N, longer side truncated; Pillow's bilinear filter), then JPEG quality 100 (webdataset's encoder).
 */
public final class SampleImage {
    private static final PillowResampler BILINEAR = new PillowResampler(ResampleKernel.BILINEAR);
    private static final ImageEncoder JPEG_100 = new ImageEncoder(ImageEncoder.Format.JPEG, 100);

    private SampleImage() {}

    /** The bbox [x, y, w, h] (normalised) of the detection with the highest conf > 0, or null. */
    @SuppressWarnings("unchecked")
    public static double[] bestBox(Map<String, Object> mdImage) {
        if (mdImage == null || !(mdImage.get("detections") instanceof List<?> dets)) {
            return null;
        }
        double best = 0;
        double[] box = null;
        for (Object o : dets) {
            if (o instanceof Map<?, ?> d && d.get("conf") instanceof Number c && d.get("bbox") instanceof List<?> b
                    && b.size() == 4 && c.doubleValue() > best) {
                best = c.doubleValue();
                box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = ((Number) b.get(i)).doubleValue();
                }
            }
        }
        return box;
    }

    /** {@code utils.square_crop}. */
    public static RgbImage squareCrop(RgbImage img, double[] box) {
        double iw = img.width();
        double ih = img.height();
        double x = box[0] * iw;
        double y = box[1] * ih;
        double w = box[2] * iw;
        double h = box[3] * ih;
        double side = 1.2 * Math.max(w, h);
        double cx = x + w / 2;
        double cy = y + h / 2;
        int upper = (int) Math.max(0.0, cy - side / 2);
        int left = (int) Math.max(0.0, cx - side / 2);
        int lower = (int) Math.min(ih, cy + side / 2);
        int right = (int) Math.min(iw, cx + side / 2);
        int cw = Math.max(0, right - left);
        int ch = Math.max(0, lower - upper);
        if (cw == 0 || ch == 0) {
            return img;
        }
        byte[] out = new byte[cw * ch * 3];
        for (int r = 0; r < ch; r++) {
            System.arraycopy(img.pixels(), ((upper + r) * img.width() + left) * 3, out, r * cw * 3, cw * 3);
        }
        return new RgbImage(cw, ch, out);
    }

    /** torchvision {@code Resize(n)} on a PIL image: shorter side n, the longer int(n·long/short). */
    public static RgbImage resizeShorter(RgbImage img, int n) {
        int w = img.width();
        int h = img.height();
        int ow;
        int oh;
        if (w <= h) {
            ow = n;
            oh = (int) ((long) n * h / w);
        } else {
            oh = n;
            ow = (int) ((long) n * w / h);
        }
        return new RgbImage(ow, oh, BILINEAR.resize(img.pixels(), w, h, ow, oh));
    }

    /** JPEG at quality 100, as webdataset encodes an array under "jpg". */
    public static byte[] jpeg100(RgbImage img) {
        return JPEG_100.encode(img);
    }
}
