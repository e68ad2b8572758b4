package org.tol.gbif.fetch;

import java.time.Duration;

/**
 * How {@link HttpImageClient} talks to image servers.
 *
 * @param connectTimeout the reference's {@code --request-timeout} (its connect timeout)
 * @param readTimeout deadline for one attempt's whole response (the reference's read timeout was 10× the
 *     connect timeout, applied between bytes)
 * @param maxRetries retries after the first attempt, on 429, 5xx, 408, timeouts, connection errors and
 *     truncated bodies
 * @param retryBase first backoff delay; doubles per retry, ±50% jitter, capped at {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts, also the cap on a server's {@code Retry-After}
 * @param requestsPerSecondPerHost per-host rate limit; 0 = none
 * @param userAgent sent with every request (the reference sent a Firefox 124 string)
 */
public record FetchOptions(Duration connectTimeout, Duration readTimeout, int maxRetries, Duration retryBase,
        Duration maxBackoff, double requestsPerSecondPerHost, String userAgent) {

    public static final String FIREFOX_124 =
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0";

    public static FetchOptions defaults() {
        return new FetchOptions(Duration.ofSeconds(30), Duration.ofSeconds(300), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(120), 0, FIREFOX_124);
    }
}
