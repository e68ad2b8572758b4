package org.tol.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic part file names. A re-run of the same rows produces the same name, so an orphan left by a crash
 * between commit and manifest line is simply overwritten (never read: only manifest-listed parts count).
 */
public final class PartNames {
    private PartNames() {}

    /**
     * Named by the unit and the part's first row only: the end is not known when writing starts, and a part
     * that starts at a committed row is never rewritten in the same rank directory (work resumes after it).
     */
    public static String part(String unitId, long firstRow) {
        return "part-" + safeKey(unitId) + "-r" + firstRow + ".parquet";
    }

    /** A file-name-safe, collision-free key for a unit id: readable tail plus a short digest of the full id. */
    static String safeKey(String unitId) {
        String readable = unitId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 60) {
            readable = readable.substring(readable.length() - 60);
        }
        return readable + "-" + digest(unitId).substring(0, 10);
    }

    private static String digest(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
