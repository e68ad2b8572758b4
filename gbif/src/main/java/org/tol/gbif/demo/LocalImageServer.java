package org.tol.gbif.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the files under a folder on 127.0.0.1 at an ephemeral port (404 for anything else), for the
 * quickstart and {@code tol bench gbif-fetch}: a stand-in for GBIF's image hosts that needs no network.
 */
public final class LocalImageServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final Path root;

    private LocalImageServer(Path root, int threads) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tol-local-image-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LocalImageServer start(Path root, int threads) throws IOException {
        return new LocalImageServer(root, threads);
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Path p = root.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] b = Files.readAllBytes(p);
            ex.getResponseHeaders().add("Content-Type", "image/jpeg");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
