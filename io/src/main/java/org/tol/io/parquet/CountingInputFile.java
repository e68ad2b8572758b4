package org.tol.io.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.ParquetFileRange;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet input that counts the bytes actually read, so projection and scans can be measured.
 *
 * <p>Reads go through positional {@link FileChannel} reads rather than parquet-java's
 * {@code LocalInputFile} ({@code RandomAccessFile}): for a read over 8 KiB, {@code RandomAccessFile}
 * mallocs a native buffer of the read's size (parquet reads column chunks in 8 MiB pieces), so every
 * piece paid for fresh, kernel-zeroed pages; this was the largest single cost of an image scan. A
 * {@code FileChannel} reuses the JDK's per-thread temporary direct buffer instead.
 *
 * <p>With {@code map}, column chunks are memory-mapped instead of read (parquet-java's vectored-read hook):
 * pages then decompress straight out of the page cache, which saves the kernel's copy of every byte, the
 * largest cost left in an image scan. Only on local file systems ({@link #mapByDefault}): on network and
 * parallel file systems (NFS, Lustre, GPFS) large positional reads are the well-trodden path. A mapped
 * file that another process truncates during the scan faults (SIGBUS); tol's inputs are read-only data
 * sets, and {@code -Dtol.parquet.mmap=false} turns mapping off.
 */
final class CountingInputFile implements InputFile {
    /** Local file systems where mapping is the default ({@code FileStore.type()} names). */
    private static final Set<String> LOCAL = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs",
            "f2fs", "apfs");
    /** Whether each directory seen lies on a local file system (bounded by the number of input directories). */
    private static final Map<Path, Boolean> LOCAL_DIRS = new ConcurrentHashMap<>();
    private final Path path;
    private final boolean map;
    private final AtomicLong bytesRead = new AtomicLong();

    CountingInputFile(Path path) {
        this(path, false);
    }

    CountingInputFile(Path path, boolean map) {
        this.path = path;
        this.map = map;
    }

    /**
     * Whether to map {@code path}: {@code -Dtol.parquet.mmap=true|false} decides when set; otherwise yes on
     * a local file system, no elsewhere or when the file system is unknown.
     */
    static boolean mapByDefault(Path path) {
        String p = System.getProperty("tol.parquet.mmap", "auto").toLowerCase(Locale.ROOT);
        if (p.equals("true") || p.equals("false")) {
            return Boolean.parseBoolean(p);
        }
        Path dir = path.toAbsolutePath().getParent();
        return LOCAL_DIRS.computeIfAbsent(dir == null ? path : dir, d -> {
            try { // FileStore lookup parses the mount table: once per directory
                return LOCAL.contains(Files.getFileStore(d).type().toLowerCase(Locale.ROOT));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
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
        public boolean readVectoredAvailable(ByteBufferAllocator allocator) {
            return map;
        }

        /**
         * Maps each range read-only (parquet-java slices pages out of the mapping and never writes to or
         * releases it); the mapping lives until its last page view is garbage-collected.
         */
        @Override
        public void readVectored(List<ParquetFileRange> ranges, ByteBufferAllocator allocator) throws IOException {
            long size = channel.size();
            for (ParquetFileRange r : ranges) {
                if (r.getOffset() < 0 || r.getOffset() + r.getLength() > size) {
                    throw new EOFException(path + ": bytes " + r.getOffset() + ".." + (r.getOffset() + r.getLength())
                            + " lie beyond the end of the " + size + "-byte file; the file is truncated");
                }
                ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, r.getOffset(), r.getLength());
                bytesRead.addAndGet(r.getLength());
                r.setDataReadFuture(CompletableFuture.completedFuture(mapped));
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
