package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;

/**
 * Resuming in an OUT that the reference pipeline started: once per OUT, before any rank reads what is done,
 * its files are moved aside ({@link ReferenceFiles}, never changed or deleted), its rows are read
 * ({@link ReferenceRows}: deduplicated by uuid, newest file wins) and written as tol parts in
 * {@code checkpoints_import/} ({@link ImportedParts}): for each planned unit, one part per run of consecutive
 * rows whose uuids the reference has a row for. Both run in a DuckDB database on disk ({@link ImportDb}), so
 * memory stays bounded for any number of rows. tol processes the rows between them as usual (rows the reference skipped, files it
 * logged as processed but never saved, files it never reached). So no reference row is lost, and the
 * collected result is the one a fresh run gives, for the columns the reference wrote.
 *
 * <p>The import runs under an OS lock on {@code locks/import.lock} and ends with {@code checkpoints_import/
 * import.json}; an import cut short is redone from scratch on the next start.
 */
public final class ReferenceImport {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceImport.class);
    private static final Object JVM_LOCK = new Object(); // rank threads of one JVM share the OS lock

    private ReferenceImport() {}

    public static Path marker(OutLayout out) {
        return out.importDir().resolve("import.json");
    }

    /** Imports the reference run in OUT, if there is one and it was not imported yet. */
    public static void runOnce(OutLayout out, RunPlan plan, List<Column> columns) throws IOException {
        synchronized (JVM_LOCK) {
            Files.createDirectories(out.locksDir());
            try (FileChannel ch = FileChannel.open(out.locksDir().resolve("import.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                if (Files.exists(marker(out))) {
                    return;
                }
                int moved = ReferenceFiles.moveAside(out);
                if (moved == 0 && !Files.isDirectory(out.referenceAside())) {
                    return;
                }
                LOG.warn("{} holds a run of the reference pipeline: its files are kept, unchanged, in {}; importing "
                        + "its rows", out.root(), out.referenceAside());
                importRows(out, plan, columns);
            }
        }
    }

    private static void importRows(OutLayout out, RunPlan plan, List<Column> columns) throws IOException {
        clear(out.importDir());
        ImportedParts parts = new ImportedParts(out, plan, columns);
        long referenceRows;
        try (ImportDb db = ImportDb.open(out.locksDir().resolve("import-tmp"))) {
            referenceRows = ReferenceRows.load(db, out.referenceAside(), columns);
            parts.write(db);
        } catch (SQLException e) {
            throw new IOException("importing the reference run in " + out.referenceAside() + " failed: "
                    + e.getMessage() + " (nothing of it is kept; the next start imports again)", e);
        }
        Map<String, List<String>> logged = ProcessedLines.byFile(out.referenceAside().resolve("logs"), plan);
        long imported = 0;
        int complete = 0;
        int partial = 0;
        List<String> loggedButIncomplete = new ArrayList<>();
        for (int u = 0; u < plan.units().size(); u++) {
            WorkUnit unit = plan.units().get(u);
            long covered = parts.covered[u];
            imported += covered;
            boolean whole = parts.unitRows[u] > 0 && covered == parts.unitRows[u];
            complete += whole ? 1 : 0;
            partial += !whole && covered > 0 ? 1 : 0;
            if (!whole && logged.containsKey(unit.file())) {
                loggedButIncomplete.add(unit.id() + " (reference rows for " + covered + " of " + parts.unitRows[u]
                        + ")");
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reference_files", out.referenceAside().toString());
        summary.put("reference_rows", referenceRows);
        summary.put("rows_imported", imported);
        summary.put("units_complete", complete);
        summary.put("units_partly", partial);
        summary.put("logged_processed_but_incomplete", loggedButIncomplete);
        summary.put("log_lines_unmatched", ProcessedLines.unmatched(out.referenceAside().resolve("logs"), plan));
        Json.writeAtomically(marker(out), summary);
        LOG.warn("imported {} of the reference's {} rows: {} units complete, {} partly (tol processes the rows "
                + "between); {} units the reference logged as processed lack rows (tol processes those)",
                imported, referenceRows, complete, partial, loggedButIncomplete.size());
    }

    /** Empties tol's own import directory (what an import cut short left there). */
    private static void clear(Path dir) throws IOException {
        for (Path f : ReferenceFiles.list(dir)) {
            Files.delete(f);
        }
        Files.createDirectories(dir);
        AtomicFiles.fsyncDir(dir.getParent());
    }
}
