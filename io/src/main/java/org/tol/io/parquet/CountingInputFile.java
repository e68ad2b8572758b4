package org.tol.io.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet input that counts the bytes actually read, so projection and scans can be measured.
 *
 * <p>Reads go through positional {@link FileChannel} reads rather than parquet-java's
 * {@code LocalInputFile} ({@code RandomAccessFile}): for a read over 8 KiB, {@code RandomAccessFile}
 * mallocs a native buffer of the read's size (parquet reads column chunks in 8 MiB pieces), so every
 * piece paid for fresh, kernel-zeroed pages; this was the largest single cost of an image scan. A
 * {@code FileChannel} reuses the JDK's per-thread temporary direct buffer instead.
 */
final class CountingInputFile implements InputFile {
    private final Path path;
    private final AtomicLong bytesRead = new AtomicLong();

    CountingInputFile(Path path) {
        this.path = path;
    }

    long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public long getLength() throws IOException {
        return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return new ChannelStream(FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** A seekable stream over positional channel reads; {@code pos} is the stream's own position. */
    private final class ChannelStream extends SeekableInputStream {
        private final FileChannel channel;
        private long pos;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void seek(long newPos) {
            pos = newPos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            readFully(ByteBuffer.wrap(bytes));
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            readFully(ByteBuffer.wrap(bytes, start, len));
        }

        /** Reads once at the stream position (fewer bytes near the end; -1 at the end). */
        @Override
        public int read(ByteBuffer buf) throws IOException {
            if (!buf.hasRemaining()) {
                return 0;
            }
            int n = channel.read(buf, pos);
            if (n > 0) {
                pos += n;
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @Override
        public void readFully(ByteBuffer buf) throws IOException {
            while (buf.hasRemaining()) {
                if (read(buf) < 0) {
                    throw new EOFException(path + ": unexpected end of file at byte " + pos + " ("
                            + buf.remaining() + " more bytes expected); the file is truncated");
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
