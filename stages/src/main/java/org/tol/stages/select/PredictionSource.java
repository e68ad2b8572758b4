package org.tol.stages.select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tol.api.TolException;

/**
 * One {@code --predictions} argument: {@code [ALIAS=]PATH}, where PATH is a collected output directory (its
 * {@code predictions.parquet}) or a Parquet file. The alias qualifies its columns in the SQL
 * ({@code clip.pred_label}); by default it is the directory's name.
 */
public record PredictionSource(String alias, Path file) {
    public static PredictionSource parse(String spec) {
        int eq = spec.indexOf('=');
        String alias = null;
        String path = spec;
        if (eq > 0 && spec.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            alias = spec.substring(0, eq);
            path = spec.substring(eq + 1);
        }
        Path p = Path.of(path).toAbsolutePath().normalize();
        Path file = Files.isDirectory(p) ? p.resolve("predictions.parquet") : p;
        if (!Files.isRegularFile(file)) {
            throw TolException.usage("no predictions at " + p + (Files.isDirectory(p) ? " (predictions.parquet is missing)" : ""),
                    "pass a collected output directory ('tol collect OUT' writes OUT/predictions.parquet) or a Parquet file");
        }
        if (alias == null) {
            Path named = Files.isDirectory(p) || file.getFileName().toString().equals("predictions.parquet") ? file.getParent() : file;
            alias = sanitize(named.getFileName().toString().replaceFirst("\\.parquet$", ""));
        }
        return new PredictionSource(alias, file);
    }

    /** A directory name as an SQL identifier: letters, digits and underscores, not starting with a digit. */
    static String sanitize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "p_" + s : s;
    }
}
