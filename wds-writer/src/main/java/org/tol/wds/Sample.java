package org.tol.wds;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One WebDataset sample: a key and its members (extension → bytes). Members are kept in sorted extension
 * order (String order = Python's code-point order for the ASCII extensions in use), which is the order
 * webdataset's TarWriter writes them in.
 */
public record Sample(String key, Map<String, byte[]> members) {
    public Sample {
        SampleKeys.validateKey(key);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("sample '" + key + "' has no members");
        }
        TreeMap<String, byte[]> sorted = new TreeMap<>();
        Set<String> lower = new HashSet<>();
        for (Map.Entry<String, byte[]> e : members.entrySet()) {
            SampleKeys.validateExtension(key, e.getKey());
            if (!lower.add(e.getKey().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("sample '" + key + "' has extension '" + e.getKey()
                        + "' twice (readers lower-case extensions)");
            }
            sorted.put(e.getKey(), e.getValue());
        }
        members = Collections.unmodifiableSortedMap(sorted);
    }

    /** A builder-style helper for text members. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sum of the member payload sizes (tar headers excluded), as webdataset's TarWriter.write returns it. */
    public long payloadBytes() {
        long n = 0;
        for (byte[] b : members.values()) {
            n += b.length;
        }
        return n;
    }

    public String text(String ext) {
        byte[] b = members.get(ext);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
