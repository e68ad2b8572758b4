package org.tol.wds;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes samples to one tar stream the way webdataset's TarWriter does (members {@code key.ext} adjacent, in
 * sorted extension order, mode 0444, owner "bigdata"), but with a fixed mtime and uid/gid 0 so the same
 * samples always give the same bytes. Names longer than ustar allows get a POSIX pax header.
 */
public final class TarSampleWriter implements Closeable {
    /** 2000-01-01T00:00:00Z: a fixed, plausible mtime (0 makes some tools print warnings). */
    public static final long FIXED_MTIME_MILLIS = 946_684_800_000L;
    private static final String OWNER = "bigdata";

    private final TarArchiveOutputStream tar;
    private final Set<String> keys = new HashSet<>();
    private long payloadBytes;

    public TarSampleWriter(OutputStream out) {
        this.tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** Writes all members of {@code sample}; returns their sizes and CRC32s in written order. */
    public Map<String, MemberInfo> write(Sample sample) throws IOException {
        if (!keys.add(sample.key())) {
            throw new IllegalArgumentException("sample key '" + sample.key() + "' written twice to one shard");
        }
        Map<String, MemberInfo> info = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> m : sample.members().entrySet()) {
            byte[] data = m.getValue();
            TarArchiveEntry e = new TarArchiveEntry(sample.key() + "." + m.getKey(), true);
            e.setSize(data.length);
            e.setMode(0444); // permission bits only, as Python's tarfile writes them
            e.setModTime(FIXED_MTIME_MILLIS);
            e.setIds(0, 0);
            e.setUserName(OWNER);
            e.setGroupName(OWNER);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
            CRC32 crc = new CRC32();
            crc.update(data);
            info.put(m.getKey(), new MemberInfo(data.length, crc.getValue()));
            payloadBytes += data.length;
        }
        return info;
    }

    public int sampleCount() {
        return keys.size();
    }

    /** Payload bytes written so far (headers and padding excluded), the quantity maxsize limits. */
    public long payloadBytes() {
        return payloadBytes;
    }

    /** Writes the end-of-archive blocks and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        tar.close();
    }

    /** Size and CRC32 of one member's payload. */
    public record MemberInfo(long size, long crc32) {}
}
