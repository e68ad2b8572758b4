package org.tol.gbif.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches one image URL with the JDK HttpClient: redirects followed (not https → http), a connect timeout and a
 * deadline per attempt, retries with exponential backoff and jitter on 429/5xx/408, timeouts, connection errors
 * and truncated bodies, honouring {@code Retry-After} (seconds or an HTTP date, capped), a per-host rate limit,
 * and {@link ImageCheck} on the body. Thread-safe; one instance serves all workers.
 */
public final class HttpImageClient implements AutoCloseable {
    private final HttpClient client;
    private final FetchOptions opts;
    private final HostRateLimiter limiter;

    public HttpImageClient(FetchOptions opts) {
        this.opts = opts;
        this.limiter = new HostRateLimiter(opts.requestsPerSecondPerHost());
        this.client = HttpClient.newBuilder()
                .connectTimeout(opts.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** One attempt's outcome; {@code retryAfter} is the server's wish, or null. */
    private record Attempt(FetchResult result, boolean retry, Duration retryAfter) {}

    public FetchResult fetch(String url) throws InterruptedException {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.trim().replace(" ", "%20")); // GBIF URLs may hold spaces
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https"))) {
            return FetchResult.fail("bad_url", 0, 0, "not an http(s) URL: " + url);
        }
        Attempt last = null;
        for (int attempt = 1; attempt <= opts.maxRetries() + 1; attempt++) {
            if (last != null) {
                Thread.sleep(backoff(attempt - 1, last.retryAfter()).toMillis());
            }
            limiter.acquire(uri.getHost().toLowerCase(java.util.Locale.ROOT));
            last = once(uri, attempt);
            if (!last.retry()) {
                break;
            }
        }
        return last.result();
    }

    private Duration backoff(int retry, Duration retryAfter) {
        double base = opts.retryBase().toMillis() * Math.pow(2, retry - 1);
        double jittered = base * (0.5 + ThreadLocalRandom.current().nextDouble());
        long ms = (long) Math.min(jittered, opts.maxBackoff().toMillis());
        if (retryAfter != null) {
            ms = Math.max(ms, Math.min(retryAfter.toMillis(), opts.maxBackoff().toMillis()));
        }
        return Duration.ofMillis(ms);
    }

    private Attempt once(URI uri, int attempt) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).GET().timeout(opts.readTimeout())
                .header("User-Agent", opts.userAgent()).build();
        AtomicBoolean gotHeaders = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(req, info -> {
            gotHeaders.set(true);
            return HttpResponse.BodySubscribers.ofByteArray();
        });
        HttpResponse<byte[]> resp;
        try {
            resp = f.get(opts.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return retry("timeout", 0, attempt, "no complete response within " + opts.readTimeout().toMillis()
                    + " ms" + (gotHeaders.get() ? " (body too slow)" : ""), null);
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String why = c instanceof HttpConnectTimeoutException ? "connect_timeout"
                    : c instanceof HttpTimeoutException ? "timeout"
                    : gotHeaders.get() && c instanceof IOException ? "truncated"
                    : c instanceof ConnectException ? "connection_refused" : "connection_error";
            return retry(why, 0, attempt, String.valueOf(c), null);
        }
        int status = resp.statusCode();
        if (status == 429 || status == 408 || status >= 500) {
            return retry("http_" + status, status, attempt, "HTTP " + status,
                    retryAfter(resp.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status != 200) {
            return new Attempt(FetchResult.fail("http_" + status, status, attempt, "HTTP " + status + " from "
                    + resp.uri()), false, null);
        }
        byte[] body = resp.body();
        long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared >= 0 && declared != body.length) {
            return retry("truncated", status, attempt, body.length + " of " + declared + " bytes", null);
        }
        String problem = ImageCheck.problem(body, resp.headers().firstValue("Content-Type").orElse(null));
        if (problem != null) {
            String msg = problem + ": " + body.length + " bytes of " + resp.headers().firstValue("Content-Type")
                    .orElse("no Content-Type") + " from " + resp.uri();
            return problem.equals("truncated") ? retry(problem, status, attempt, msg, null)
                    : new Attempt(FetchResult.fail(problem, status, attempt, msg), false, null);
        }
        return new Attempt(new FetchResult(body, null, status, attempt, null), false, null);
    }

    private static Attempt retry(String reason, int status, int attempt, String message, Duration retryAfter) {
        return new Attempt(FetchResult.fail(reason, status, attempt, message), true, retryAfter);
    }

    /** {@code Retry-After}: delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.ofMillis(Math.max(0, when.toInstant().toEpochMilli() - System.currentTimeMillis()));
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        // HttpClient gained close() only in JDK 21; its threads are daemons and end with the JVM.
    }
}
