package org.tol.io.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tol.api.TolException;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * A Parquet file that lists input files instead of holding images: the reference's face job takes one as
 * {@code --file_paths_parquet} and reads {@code pd.read_parquet(f)['path']}. It is told apart from a data file
 * by its schema: a string column {@code path} and no {@code image} column.
 */
final class ParquetPathList {
    static final String PATH = "path";

    private ParquetPathList() {}

    /** True for a readable Parquet file shaped like a path list; any other file (or an unreadable one) is data. */
    static boolean isPathList(Path file) {
        if (!file.getFileName().toString().toLowerCase().endsWith(".parquet")) {
            return false;
        }
        List<Column> columns;
        try {
            columns = ParquetFileInfo.read(file).columns();
        } catch (IOException | RuntimeException e) {
            return false; // not Parquet at all: it fails later, per file, like any unreadable data file
        }
        boolean hasPath = columns.stream().anyMatch(c -> c.name().equals(PATH) && c.type() == ColumnType.Primitive.STRING);
        boolean hasImage = columns.stream().anyMatch(c -> c.name().equals(ImageColumns.IMAGE));
        return hasPath && !hasImage;
    }

    /**
     * The listed files in row order. A relative path resolves against the list's directory (as in a
     * {@code .txt} list) or, when nothing is there, against the working directory (how the reference's pandas
     * would open it). A null or missing entry is a usage error naming the row.
     */
    static List<Path> read(Path list) {
        Path base = list.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        try (ParquetRows rows = ParquetRows.open(list, List.of(PATH))) {
            long n = 0;
            for (Row r = rows.next(); r != null; r = rows.next()) {
                String t = r.string(PATH);
                if (t == null || t.isBlank()) {
                    throw new TolException(list + " row " + n + ": the path column is empty",
                            "fill in or drop the row", 2, null);
                }
                out.add(locate(list, base, t.strip(), n));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read path list " + list, e);
        }
        return out;
    }

    private static Path locate(Path list, Path base, String entry, long row) {
        Path p = Path.of(entry);
        if (!p.isAbsolute() && !Files.isRegularFile(base.resolve(p)) && Files.isRegularFile(p)) {
            return p.toAbsolutePath().normalize();
        }
        // normalised, so one file listed as "../data/x.parquet" and as an absolute path is one input
        Path resolved = (p.isAbsolute() ? p : base.resolve(p)).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw new TolException(list + " row " + row + ": no such file: " + entry,
                    "fix or remove the row (relative paths resolve against the list's directory, then the working "
                            + "directory)", 2, null);
        }
        return resolved;
    }
}
