package org.tol.runtime.mpj;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer-table exchange MPJ Express's niodev does at {@code MPI.Init}, served by rank 0 in place of the MPJ
 * daemon (which srun jobs do not have). Each rank's device connects, sends {@code "Sending Info"}, its write
 * port, read port and rank; once all ranks are in, every one receives
 * {@code "#Peer Information;host@readPort@writePort@rank@0;..."} and the devices connect to each other.
 * Connections that close before sending (readiness probes of ranks waiting for this server) are ignored.
 */
final class NiodevRendezvous implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NiodevRendezvous.class);

    private final ServerSocket server;
    private final Thread thread;

    NiodevRendezvous(int port, int nprocs) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port));
        thread = new Thread(() -> serve(nprocs), "tol-niodev-rendezvous");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(int nprocs) {
        List<Socket> clients = new ArrayList<>();
        TreeMap<Integer, String> entries = new TreeMap<>();
        try {
            while (entries.size() < nprocs) {
                Socket s = server.accept();
                DataInputStream in = new DataInputStream(s.getInputStream());
                try {
                    String hello = in.readUTF();
                    if (!"Sending Info".equals(hello)) {
                        s.close();
                        continue;
                    }
                    int writePort = in.readInt();
                    int readPort = in.readInt();
                    int rank = in.readInt();
                    String host = s.getInetAddress().getHostAddress();
                    entries.put(rank, host + "@" + readPort + "@" + writePort + "@" + rank + "@0");
                    clients.add(s);
                } catch (EOFException probe) {
                    s.close();
                }
            }
            StringBuilder info = new StringBuilder("#Peer Information");
            for (String e : entries.values()) {
                info.append(';').append(e);
            }
            for (Socket s : clients) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeUTF(info.toString());
                out.flush();
                s.close();
            }
            LOG.debug("niodev peers: {}", info);
        } catch (IOException e) {
            if (!server.isClosed()) {
                LOG.error("niodev rendezvous failed: {}", e.toString());
            }
        }
    }

    /** Blocks until a rendezvous server accepts connections at host:port, or the timeout passes. */
    static void awaitServer(String host, int port, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), 2000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("no MPJ rendezvous at " + host + ":" + port + " (rank 0 not up?)", e);
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
