package org.tol.gbif.fetch;

/**
 * What fetching one URL gave: the body of a checked image, or the reason it did not arrive.
 *
 * @param body the image bytes; null on failure
 * @param reason null on success; else a short code: http_NNN, timeout, connect_timeout, connection_error,
 *     truncated, html_page, not_image, empty_body, bad_url, interrupted
 * @param httpStatus the last HTTP status seen, 0 if none
 * @param attempts requests made
 * @param message details for the failures file
 */
public record FetchResult(byte[] body, String reason, int httpStatus, int attempts, String message) {
    public boolean ok() {
        return reason == null;
    }

    static FetchResult fail(String reason, int status, int attempts, String message) {
        return new FetchResult(null, reason, status, attempts, message);
    }
}
