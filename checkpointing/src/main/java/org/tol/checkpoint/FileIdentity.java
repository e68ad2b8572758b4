package org.tol.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Who an input file is, beyond its name: size, modification time, and the CRC-32C of its Parquet footer (the
 * footer holds every row group's offset, size and statistics, so a file rewritten with other rows or another
 * row order has another footer). Recorded per file in the plan and per committed part; a resume compares them.
 *
 * <p>The {@link #key()} (size and footer checksum) decides whether two files hold the same data; the mtime only
 * saves the footer read on a resume when nothing was touched, and is allowed to differ (a copied directory).
 *
 * @param footerCrc CRC-32C of the footer plus its 8-byte trailer; for a file that is not Parquet, of its last
 *                  64 KiB (prefixed {@code raw-})
 */
public record FileIdentity(long size, long mtimeMs, String footerCrc) {
    private static final int RAW_TAIL = 64 * 1024;

    /** What must be equal for two files to hold the same data. */
    public String key() {
        return size + ":" + footerCrc;
    }

    public static FileIdentity of(Path file) throws IOException {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long footerStart = -1;
            if (size >= 12) {
                ByteBuffer tail = read(ch, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
                int len = tail.getInt(0);
                boolean magic = tail.get(4) == 'P' && tail.get(5) == 'A' && tail.get(6) == 'R' && tail.get(7) == '1';
                if (magic && len > 0 && len <= size - 12) {
                    footerStart = size - 8 - len;
                }
            }
            CRC32C crc = new CRC32C();
            long from = footerStart >= 0 ? footerStart : Math.max(0, size - RAW_TAIL);
            crc.update(read(ch, from, (int) (size - from)));
            return new FileIdentity(size, mtime, (footerStart >= 0 ? "" : "raw-") + String.format("%08x", crc.getValue()));
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("file shrank while reading");
            }
        }
        return buf.flip();
    }
}
