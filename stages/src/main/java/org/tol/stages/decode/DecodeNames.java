package org.tol.stages.decode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * File names for decoded images. A uuid is used as is when it is a safe file name: 1 to 200 bytes of
 * {@code A-Z a-z 0-9 . _ -}, not starting with {@code .}. Any other uuid ({@code ../x}, {@code a/b}, empty,
 * NULL, too long, non-ASCII) becomes {@code _unsafe-<first 32 hex digits of SHA-256(uuid as UTF-8)>}
 * ({@code _unsafe-null} for NULL), and the unit's manifest record lists the mapping. The k-th repeat of a name
 * (k = 1, 2, ...; inputs in path order, rows in file order) gets {@code _k} before the extension.
 */
public final class DecodeNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    static final int MAX_BYTES = 200;

    private DecodeNames() {}

    public static boolean safe(String uuid) {
        return uuid != null && !uuid.isEmpty() && uuid.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                && SAFE.matcher(uuid).matches();
    }

    /** The base name (without suffix or extension) for a uuid. */
    public static String base(String uuid) {
        if (safe(uuid)) {
            return uuid;
        }
        if (uuid == null) {
            return "_unsafe-null";
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(uuid.getBytes(StandardCharsets.UTF_8));
            return "_unsafe-" + HexFormat.of().formatHex(d).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fileName(String uuid, int repeat, String extension) {
        return base(uuid) + (repeat > 0 ? "_" + repeat : "") + extension;
    }
}
