package org.tol.gbif.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.gbif.table.CsvTable;

/**
 * The reference's {@code delete-images}: deletes every file named in the first column of a CSV (header
 * skipped), each joined to {@code --base-path} when given. Only regular files are deleted; with a base path,
 * a name that escapes it ({@code ../}) is refused, so a hand-edited list cannot delete other work.
 */
public final class DeleteJob {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteJob.class);

    public record Summary(int listed, int deleted, int absent, int refused, boolean dryRun) {}

    private DeleteJob() {}

    public static Summary run(Path errorCsv, Path basePath, boolean dryRun) throws IOException {
        CsvTable t = CsvTable.read(errorCsv);
        List<Path> files = new ArrayList<>();
        int refused = 0;
        Path base = basePath == null ? null : basePath.toAbsolutePath().normalize();
        for (String[] r : t.rows()) {
            if (r.length == 0 || r[0] == null) {
                continue;
            }
            Path p = base == null ? Path.of(r[0]) : base.resolve(r[0]).normalize();
            if (base != null && !p.startsWith(base)) {
                LOG.warn("refusing to delete {}: outside --base-path {}", r[0], base);
                refused++;
                continue;
            }
            files.add(p);
        }
        int deleted = 0;
        int absent = 0;
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                absent++;
            } else if (dryRun) {
                LOG.info("would delete {}", p);
                deleted++;
            } else {
                Files.delete(p);
                deleted++;
            }
        }
        return new Summary(files.size() + refused, deleted, absent, refused, dryRun);
    }
}
