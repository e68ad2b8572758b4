package org.tol.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tol.api.TolException;

/**
 * Turns command-line inputs into a deterministic list of Parquet files. Every rank computes the same list
 * from the same inputs (sorted by path, unlike the reference's unsorted rglob), so plans agree.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Each input is a Parquet file, a directory (searched recursively for {@code *.parquet}; hidden and
     * {@code _}-prefixed entries such as Spark's {@code _SUCCESS} or our temp files are skipped), a
     * text file listing one path per line (relative paths resolve against the list's directory), or a Parquet
     * file whose {@code path} column lists the files (the reference's {@code --file_paths_parquet}: a string
     * {@code path} column and no {@code image} column; see {@link ParquetPathList}).
     */
    public static List<InputFile> resolve(List<String> inputs) {
        Set<Path> files = new LinkedHashSet<>();
        for (String input : inputs) {
            Path p = Path.of(input);
            if (!Files.exists(p)) {
                throw new TolException("input not found: " + input, "check the path; inputs are Parquet files, "
                        + "directories of them, a .txt file listing them, or a Parquet file with a 'path' column", 2, null);
            }
            if (Files.isDirectory(p)) {
                files.addAll(listDirectory(p));
            } else if (isListFile(p)) {
                files.addAll(readList(p));
            } else if (ParquetPathList.isPathList(p)) {
                files.addAll(ParquetPathList.read(p));
            } else {
                files.add(p);
            }
        }
        List<Path> sorted = new ArrayList<>(files);
        Collections.sort(sorted);
        List<InputFile> out = new ArrayList<>(sorted.size());
        for (Path f : sorted) {
            out.add(new InputFile(f, size(f), partitionsOf(f)));
        }
        return out;
    }

    static boolean isListFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".txt") || n.endsWith(".list") || n.endsWith(".lst");
    }

    private static List<Path> listDirectory(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .filter(f -> !hiddenBelow(dir, f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean hiddenBelow(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> readList(Path list) {
        try {
            List<Path> out = new ArrayList<>();
            Path base = list.toAbsolutePath().getParent();
            int lineNo = 0;
            for (String line : Files.readAllLines(list)) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Path p = Path.of(t);
                if (!p.isAbsolute()) {
                    p = base.resolve(p);
                }
                if (!Files.isRegularFile(p)) {
                    throw new TolException(list + " line " + lineNo + ": no such file: " + t,
                            "fix or remove the line", 2, null);
                }
                out.add(p);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read list file " + list, e);
        }
    }

    /** Hive-style partition values from {@code key=value} directory names, outermost first. */
    public static Map<String, String> partitionsOf(Path file) {
        Map<String, String> parts = new LinkedHashMap<>();
        Path parent = file.getParent();
        if (parent == null) {
            return parts;
        }
        for (Path part : parent) {
            String n = part.toString();
            int eq = n.indexOf('=');
            if (eq > 0 && eq < n.length() - 1) {
                parts.put(n.substring(0, eq), n.substring(eq + 1));
            }
        }
        return parts;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0L; // unreadable files fail later, per file, with a proper error
        }
    }
}
