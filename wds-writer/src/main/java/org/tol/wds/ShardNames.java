package org.tol.wds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code shard-%06d.tar} names, their manifests ({@code shard-%06d.tar.json}) and directory listings. */
public final class ShardNames {
    public static final int DIGITS = 6;
    public static final String MANIFEST_SUFFIX = ".json";
    private static final Pattern TAR = Pattern.compile("shard-(\\d{" + DIGITS + ",})\\.tar");

    private ShardNames() {}

    public static String tarName(long number) {
        return String.format("shard-%0" + DIGITS + "d.tar", number);
    }

    public static Path manifestOf(Path tar) {
        return tar.resolveSibling(tar.getFileName() + MANIFEST_SUFFIX);
    }

    /** The shard number of a tar file name, or -1 when it is not a shard name. */
    public static long numberOf(String fileName) {
        Matcher m = TAR.matcher(fileName);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Shard tars in {@code dir} by number (a missing directory has none). */
    public static TreeMap<Long, Path> list(Path dir) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                long n = numberOf(p.getFileName().toString());
                if (n >= 0) {
                    out.put(n, p);
                }
            }
        }
        return out;
    }

    /** Numbers taken in {@code dir}: shard tars and manifests left without their tar. */
    public static List<Long> taken(Path dir) throws IOException {
        List<Long> out = new ArrayList<>(list(dir).keySet());
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".tar" + MANIFEST_SUFFIX)) {
                        long n = numberOf(name.substring(0, name.length() - MANIFEST_SUFFIX.length()));
                        if (n >= 0 && !out.contains(n)) {
                            out.add(n);
                        }
                    }
                }
            }
        }
        return out;
    }
}
