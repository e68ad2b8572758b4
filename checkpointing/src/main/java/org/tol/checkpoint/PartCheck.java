package org.tol.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Checks that a committed part file is still what its manifest line says: present, of the recorded size and,
 * when asked, with the recorded CRC-32C. A part that fails is treated as never committed: its unit resumes
 * from the last good part before it.
 */
public final class PartCheck {
    private PartCheck() {}

    /** How thoroughly to check: size only (cheap, for {@code status}) or size and checksum. */
    public enum Depth { SIZE, CHECKSUM }

    /** Why {@code file} does not match {@code rec}, or null when it does. */
    public static String problem(Path file, PartRecord rec, Depth depth) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        if (rec.size() != null && rec.size() != size) {
            return "size " + size + " bytes, committed " + rec.size();
        }
        if (depth == Depth.CHECKSUM && rec.crc32c() != null) {
            try {
                String actual = crc32c(file);
                if (!actual.equals(rec.crc32c())) {
                    return "checksum " + actual + ", committed " + rec.crc32c();
                }
            } catch (IOException e) {
                return "unreadable: " + e.getMessage();
            }
        }
        return null;
    }

    /** CRC-32C of the file's bytes as 8 hex digits. */
    public static String crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                crc.update(buf, 0, n);
            }
        }
        return String.format("%08x", crc.getValue());
    }
}
