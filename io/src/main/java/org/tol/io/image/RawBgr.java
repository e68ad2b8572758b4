package org.tol.io.image;

import org.tol.api.image.RgbImage;

/** Raw BGR pixel buffers as stored in TreeOfLife-200M Parquet, and their conversion to RGB. */
public final class RawBgr {
    private RawBgr() {}

    /** A new RGB image from {@code h*w*3} BGR bytes (the input is not modified). */
    public static RgbImage toRgb(byte[] bgr, int width, int height) {
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new RgbImage(width, height, rgb);
    }

    /** The BGR bytes of an RGB image (what the downloader stores). */
    public static byte[] fromRgb(RgbImage img) {
        byte[] p = img.pixels();
        byte[] bgr = new byte[p.length];
        for (int i = 0; i < p.length; i += 3) {
            bgr[i] = p[i + 2];
            bgr[i + 1] = p[i + 1];
            bgr[i + 2] = p[i];
        }
        return bgr;
    }
}
