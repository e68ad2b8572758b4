package org.tol.wds;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a shard as webdataset does: consecutive members with the same key form one group. Groups are returned
 * raw (a member repeated within a group stays visible) so {@code wds check} can judge them. Truncation
 * anywhere (in a header, a payload or the padding) raises {@link TruncatedShardException}: Commons Compress
 * takes a short header for the end of the archive, so the end-of-archive block is checked here too.
 */
public final class ShardReader implements Closeable {
    private static final int BLOCK = 512;

    /** One tar member: full name, lower-cased extension (null if it has none) and payload. */
    public record Member(String name, String ext, byte[] data) {}

    /** Consecutive members sharing a key (key null for members without an extension). */
    public record Group(String key, List<Member> members) {
        /** Extension → bytes (the first of a repeated extension wins). */
        public Map<String, byte[]> asMap() {
            Map<String, byte[]> m = new LinkedHashMap<>();
            for (Member x : members) {
                m.putIfAbsent(x.ext(), x.data());
            }
            return m;
        }
    }

    private final Path file;
    private final long fileSize;
    private final Counting counting;
    private final TarArchiveInputStream tar;
    private Member pending;
    private long endOfLastEntry; // padded end of the last member's data
    private boolean done;

    public ShardReader(Path file) throws IOException {
        this.file = file;
        this.fileSize = Files.size(file);
        InputStream raw = Files.newInputStream(file);
        this.counting = new Counting(new BufferedInputStream(raw, 1 << 16));
        this.tar = new TarArchiveInputStream(counting, "UTF-8");
    }

    /** The next group of adjacent members, or null at the (verified) end of the archive. */
    public Group next() throws IOException {
        List<Member> members = new ArrayList<>();
        String key = null;
        while (true) {
            Member m = pending != null ? pending : readMember();
            pending = null;
            if (m == null) {
                return members.isEmpty() ? null : new Group(key, members);
            }
            String mk = SampleKeys.keyOf(m.name());
            if (!members.isEmpty() && !java.util.Objects.equals(mk, key)) {
                pending = m;
                return new Group(key, members);
            }
            key = mk;
            members.add(m);
        }
    }

    private Member readMember() throws IOException {
        if (done) {
            return null;
        }
        TarArchiveEntry e;
        try {
            e = tar.getNextEntry();
        } catch (IOException ex) {
            throw new TruncatedShardException(file, "unreadable tar header: " + ex.getMessage(), ex);
        }
        while (e != null && !e.isFile()) {
            e = tar.getNextEntry(); // directories and links carry no sample data
        }
        if (e == null) {
            done = true;
            verifyEnd();
            return null;
        }
        long dataStart = counting.position;
        if (e.getSize() > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": member " + e.getName() + " is too large (" + e.getSize() + " bytes)");
        }
        byte[] data = new byte[(int) e.getSize()];
        int off = 0;
        try {
            while (off < data.length) {
                int n = tar.read(data, off, data.length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (IOException ex) {
            throw new TruncatedShardException(file, "payload of " + e.getName() + " is cut short", ex);
        }
        if (off < data.length) {
            throw new TruncatedShardException(file, "payload of " + e.getName() + " is cut short", null);
        }
        endOfLastEntry = dataStart + ((data.length + BLOCK - 1) / BLOCK) * (long) BLOCK;
        String name = e.getName();
        return new Member(name, SampleKeys.extensionOf(name), data);
    }

    /** A complete archive has a whole number of blocks and a zero block right after the last member. */
    private void verifyEnd() throws IOException {
        if (fileSize % BLOCK != 0) {
            throw new TruncatedShardException(file, "size " + fileSize + " is not a multiple of 512", null);
        }
        if (endOfLastEntry + BLOCK > fileSize) {
            throw new TruncatedShardException(file, "ends without the end-of-archive block (cut after byte "
                    + fileSize + ")", null);
        }
        ByteBuffer b = ByteBuffer.allocate(BLOCK);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (b.hasRemaining() && ch.read(b, endOfLastEntry + b.position()) > 0) {
                // read the whole block
            }
        }
        for (byte x : b.array()) {
            if (x != 0) {
                throw new TruncatedShardException(file, "unreadable tar header at byte " + endOfLastEntry, null);
            }
        }
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** Counts bytes the tar reader consumed, to know where each member's data starts. */
    private static final class Counting extends FilterInputStream {
        long position;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            position += s;
            return s;
        }

        @Override
        public boolean markSupported() {
            return false; // marks would make the position ambiguous
        }
    }
}
