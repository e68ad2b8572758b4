package org.tol.wds;

import java.util.Locale;

/**
 * WebDataset naming rules. A member name is {@code key + "." + ext}; readers split it at the first dot of the
 * basename (webdataset's {@code base_plus_ext}) and lower-case the extension, so a key must not contain a dot
 * or a path separator and two extensions of one sample must differ after lower-casing.
 */
public final class SampleKeys {
    private SampleKeys() {}

    /** Throws IllegalArgumentException naming the key and the rule it breaks. */
    public static void validateKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("sample key is empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.') {
                throw new IllegalArgumentException("sample key '" + key
                        + "' contains a dot; readers would split it there (use '_' instead)");
            }
            if (c == '/' || c == '\\') {
                throw new IllegalArgumentException("sample key '" + key + "' contains a path separator");
            }
            if (c == 0 || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("sample key '" + key + "' contains a control character");
            }
        }
    }

    public static void validateExtension(String key, String ext) {
        if (ext == null || ext.isEmpty()) {
            throw new IllegalArgumentException("sample '" + key + "' has a member with an empty extension");
        }
        if (ext.startsWith(".") || ext.indexOf('/') >= 0 || ext.indexOf('\\') >= 0 || ext.indexOf(0) >= 0) {
            throw new IllegalArgumentException("sample '" + key + "' has an invalid extension '" + ext + "'");
        }
    }

    /** The key of a tar member name (everything before the first dot of the basename), or null if it has none. */
    public static String keyOf(String memberName) {
        int slash = memberName.lastIndexOf('/');
        int dot = memberName.indexOf('.', slash + 1);
        return dot <= 0 || dot == slash + 1 || dot == memberName.length() - 1 ? null : memberName.substring(0, dot);
    }

    /** The extension of a tar member name, lower-cased as webdataset's grouping does; null if it has none. */
    public static String extensionOf(String memberName) {
        String key = keyOf(memberName);
        return key == null ? null : memberName.substring(key.length() + 1).toLowerCase(Locale.ROOT);
    }
}
