package org.tol.io.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writes. A reader (or a resumed run) sees either the old file or the complete new one,
 * never a torn one: content goes to a temp file in the same directory, is fsync'd, renamed over the
 * target, and the directory entry is fsync'd so the rename survives a node crash.
 */
public final class AtomicFiles {
    /** Prefix of temp files; resumed runs delete leftovers with this prefix. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {}

    /** A temp path next to {@code target}, unique per process and call. */
    public static Path tempSibling(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String name = TEMP_PREFIX + target.getFileName() + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return dir.resolve(name);
    }

    public static void write(Path target, IoWriter body) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = tempSibling(target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                body.write(out);
                out.flush();
                ch.force(false); // fdatasync: data and size; the rename + directory fsync make the name durable
            }
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Appends one line and fsyncs before returning, so a line that a later run reads was durable. A
     * single write() of a short line with O_APPEND is also atomic with respect to concurrent appenders.
     */
    public static void appendLine(Path file, String line) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false); // fdatasync: an append changes the size, which fdatasync flushes too
        }
    }

    /**
     * Flushes a finished file (e.g. one written by a library) before it is renamed into place. fdatasync
     * suffices: it writes the data and the size; timestamps need not survive a crash.
     */
    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
    }

    /** Renames {@code src} over {@code dst} atomically and fsyncs the directory. */
    public static void moveAtomically(Path src, Path dst) throws IOException {
        try {
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("file system does not support atomic rename of " + src + " to " + dst
                    + "; put the output directory on a POSIX file system", e);
        }
        fsyncDir(dst.toAbsolutePath().getParent());
    }

    /** fsyncs a directory so renames and creations in it are durable (a no-op where unsupported). */
    public static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (and all of Windows) refuse to open directories; rename is still atomic.
        }
    }
}
