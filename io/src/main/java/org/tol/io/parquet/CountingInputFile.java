package org.tol.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A local Parquet input that counts the bytes actually read, so projection and scans can be measured. */
final class CountingInputFile implements InputFile {
    private final LocalInputFile delegate;
    private final AtomicLong bytesRead = new AtomicLong();

    CountingInputFile(Path path) {
        this.delegate = new LocalInputFile(path);
    }

    long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public long getLength() throws IOException {
        return delegate.getLength();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        SeekableInputStream in = delegate.newStream();
        return new SeekableInputStream() {
            @Override
            public long getPos() throws IOException {
                return in.getPos();
            }

            @Override
            public void seek(long newPos) throws IOException {
                in.seek(newPos);
            }

            @Override
            public void readFully(byte[] bytes) throws IOException {
                in.readFully(bytes);
                bytesRead.addAndGet(bytes.length);
            }

            @Override
            public void readFully(byte[] bytes, int start, int len) throws IOException {
                in.readFully(bytes, start, len);
                bytesRead.addAndGet(len);
            }

            @Override
            public int read(ByteBuffer buf) throws IOException {
                int n = in.read(buf);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }

            @Override
            public void readFully(ByteBuffer buf) throws IOException {
                int n = buf.remaining();
                in.readFully(buf);
                bytesRead.addAndGet(n);
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
