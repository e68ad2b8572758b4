package org.tol.runtime.embed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tol.io.fs.AtomicFiles;

/**
 * Streams a 2-D little-endian float16 matrix into a NumPy {@code .npy} file (format 1.0) row by row, so a shard of
 * millions of embeddings never sits in memory: the header is written with room for any shape and rewritten with the
 * real row count at the end, then the file is fsync'd and renamed into place.
 */
public final class NpyWriter implements AutoCloseable {
    /** Magic, version, header length and header together: a multiple of 64 as numpy aligns them. */
    static final int HEADER_BYTES = 128;

    private final Path target;
    private final Path temp;
    private final FileChannel ch;
    private final int cols;
    private final ByteBuffer row;
    private long rows;
    private boolean done;

    public NpyWriter(Path target, int cols) throws IOException {
        this.target = target.toAbsolutePath();
        this.temp = AtomicFiles.tempSibling(this.target);
        this.cols = cols;
        this.row = ByteBuffer.allocate(cols * 2).order(ByteOrder.LITTLE_ENDIAN);
        this.ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ch.write(header(0), 0);
        ch.position(HEADER_BYTES);
    }

    public int cols() {
        return cols;
    }

    public long rows() {
        return rows;
    }

    public void write(float[] v) throws IOException {
        if (v.length != cols) {
            throw new IllegalArgumentException("row of " + v.length + " values in a matrix of " + cols + " columns: " + target);
        }
        row.clear();
        for (float f : v) {
            row.putShort(Float16.fromFloat(f));
        }
        row.flip();
        while (row.hasRemaining()) {
            ch.write(row);
        }
        rows++;
    }

    /** Writes the final shape, syncs and renames the file into place. */
    public void commit() throws IOException {
        ch.write(header(rows), 0);
        ch.force(false);
        ch.close();
        AtomicFiles.moveAtomically(temp, target);
        done = true;
    }

    /** The format 1.0 header for {@code n} rows, padded with spaces to {@link #HEADER_BYTES} and ended by a newline. */
    ByteBuffer header(long n) {
        String dict = "{'descr': '<f2', 'fortran_order': False, 'shape': (" + n + ", " + cols + "), }";
        int len = HEADER_BYTES - 10;
        StringBuilder h = new StringBuilder(dict);
        while (h.length() < len - 1) {
            h.append(' ');
        }
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) len);
        b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
        return b.flip();
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            ch.close();
            java.nio.file.Files.deleteIfExists(temp);
        }
    }
}
