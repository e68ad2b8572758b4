package org.tol.api.image;

/** Either an image or a typed reason it could not be decoded. Decoding never throws past the row. */
public record DecodeResult(RgbImage image, DecodeError error, String message) {
    public static DecodeResult ok(RgbImage image) {
        return new DecodeResult(image, null, null);
    }

    public static DecodeResult fail(DecodeError error, String message) {
        return new DecodeResult(null, error, message);
    }

    public boolean isOk() {
        return image != null;
    }
}
