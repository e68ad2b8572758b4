package org.tol.cli.gbif;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A loopback image server for the fetch tests. The first path segment chooses the behaviour:
 * good, thumb (a 32x24 image), flaky500 (500 once, then the image), ratelimited (429 with Retry-After: 1 once), slow (answers after
 * 3 s), truncated (declares the full length, sends half, closes), html (200 with an HTML error page),
 * redirect (302 to /good/...), missing (404), delay (the image after 150 ms). It records every request's
 * arrival time and how often each image body was sent completely.
 */
final class ImageServer implements AutoCloseable {
    record Hit(String path, long nanos) {}

    private final HttpServer server;
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    final List<Hit> hits = new CopyOnWriteArrayList<>();

    ImageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "test-image-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JPEG the server sends for {@code name} (the last path segment): distinct per name. */
    byte[] image(String name) {
        return images.computeIfAbsent(name, ImageServer::jpeg);
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    int served(String path) {
        AtomicInteger n = served.get(path);
        return n == null ? 0 : n.get();
    }

    /** A 32x24 JPEG (below the default thumbnail size of clean). */
    byte[] thumb(String name) {
        return images.computeIfAbsent("thumb:" + name, k -> jpeg(k, 32, 24));
    }

    static byte[] jpeg(String seed) {
        Random rnd = new Random(seed.hashCode());
        return jpeg(seed, 64 + rnd.nextInt(64), 64 + rnd.nextInt(64));
    }

    static byte[] jpeg(String seed, int w, int h) {
        Random rnd = new Random(seed.hashCode() * 31L);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int c = rnd.nextInt(0xFFFFFF);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, c ^ (x * 3) ^ (y << 9));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.add(new Hit(path, System.nanoTime()));
        int n = requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        String[] parts = path.split("/");
        String kind = parts.length > 1 ? parts[1] : "";
        String name = parts[parts.length - 1];
        try {
            switch (kind) {
                case "good" -> send(ex, path, image(name));
                case "flaky500" -> {
                    if (n == 1) {
                        status(ex, 500);
                    } else {
                        send(ex, path, image(name));
                    }
                }
                case "ratelimited" -> {
                    if (n == 1) {
                        ex.getResponseHeaders().add("Retry-After", "1");
                        status(ex, 429);
                    } else {
                        send(ex, path, image(name));
                    }
                }
                case "thumb" -> send(ex, path, thumb(name));
                case "slow" -> {
                    sleep(3000);
                    send(ex, path, image(name));
                }
                case "delay" -> {
                    sleep(150);
                    send(ex, path, image(name));
                }
                case "truncated" -> {
                    byte[] b = image(name);
                    ex.getResponseHeaders().add("Content-Type", "image/jpeg");
                    ex.sendResponseHeaders(200, b.length);
                    OutputStream out = ex.getResponseBody();
                    out.write(b, 0, b.length / 2);
                    out.flush();
                    ex.close();
                }
                case "html" -> {
                    byte[] b = "<!DOCTYPE html><html><body>Error: image not available</body></html>"
                            .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                    ex.close();
                }
                case "redirect" -> {
                    ex.getResponseHeaders().add("Location", "/good/" + name);
                    ex.sendResponseHeaders(302, -1);
                    ex.close();
                }
                default -> status(ex, 404);
            }
        } catch (IOException e) {
            ex.close(); // the client went away (a timeout or a kill)
        }
    }

    private void send(HttpExchange ex, String path, byte[] b) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "image/jpeg");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
        served.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void status(HttpExchange ex, int code) throws IOException {
        ex.sendResponseHeaders(code, -1);
        ex.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Request times (ns) of paths starting with {@code prefix}, sorted. */
    List<Long> times(String prefix) {
        List<Long> t = new ArrayList<>();
        for (Hit h : hits) {
            if (h.path().startsWith(prefix)) {
                t.add(h.nanos());
            }
        }
        t.sort(null);
        return t;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
