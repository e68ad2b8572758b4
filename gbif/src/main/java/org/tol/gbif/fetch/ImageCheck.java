package org.tol.gbif.fetch;

import java.util.Locale;
import org.tol.io.image.ImageFormat;
import org.tol.io.image.ImageHeaders;

/**
 * Whether a response body is an image worth keeping: an image signature (magic bytes, never the URL or the
 * Content-Type), and for JPEG/PNG the end marker near the end, since a truncated JPEG still "decodes" into a
 * grey-padded picture. The reference saved whatever came back, error pages included.
 */
public final class ImageCheck {
    private ImageCheck() {}

    /** null when {@code body} looks like a complete image, else the failure reason. */
    public static String problem(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "empty_body";
        }
        ImageFormat f = ImageFormat.detect(body);
        if (f == null) {
            String head = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            boolean html = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
                    || head.contains("<html") || head.contains("<!doctype");
            return html ? "html_page" : "not_image";
        }
        return ImageHeaders.looksComplete(body, f) ? null : "truncated";
    }
}
