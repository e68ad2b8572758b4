package org.tol.stages.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tol.api.TolException;

/** The {@code group_id=<k>} batch directories of a lookup table, in numeric order, and their Parquet files. */
final class BatchFiles {
    private static final Pattern BATCH = Pattern.compile("group_id=(\\d+)");

    private BatchFiles() {}

    static List<Path> batches(Path lookup) throws IOException {
        if (!Files.isDirectory(lookup)) {
            throw TolException.usage("--lookup " + lookup + " is not a directory", "pass the output of tol lookup build");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(lookup)) {
            for (Path p : s.toList()) {
                Matcher m = BATCH.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> Long.compare(id(a), id(b)));
        return out;
    }

    static long id(Path batchDir) {
        Matcher m = BATCH.matcher(batchDir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a batch directory: " + batchDir);
        }
        return Long.parseLong(m.group(1));
    }

    /** The batch's Parquet files, sorted; {@code .}/{@code _} entries (Spark's _SUCCESS, temp files) skipped. */
    static List<Path> parquetFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_") && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }
}
