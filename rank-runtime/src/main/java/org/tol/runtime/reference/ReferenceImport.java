package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.schema.Column;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.Manifests;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartCheck;
import org.tol.checkpoint.PartNames;
import org.tol.checkpoint.PartRecord;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * Resuming in an OUT that the reference pipeline started: once per OUT, before any rank reads what is done,
 * its files are moved aside ({@link ReferenceFiles}, never changed or deleted), its rows are read
 * ({@link ReferenceRows}: deduplicated by uuid, newest checkpoint wins) and written as tol parts in
 * {@code checkpoints_import/}: for each planned unit, one part per run of consecutive rows whose uuids the
 * reference has a row for. tol processes the rows between them as usual (rows the reference skipped, files it
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
        Map<String, Map<String, Object>> rows = ReferenceRows.read(out.referenceAside(), columns);
        Map<String, List<String>> logged = ProcessedLines.byFile(out.referenceAside().resolve("logs"), plan);
        Map<String, String> keys = plan.unitInputKeys();
        long imported = 0;
        int complete = 0;
        int partial = 0;
        List<String> loggedButIncomplete = new ArrayList<>();
        for (WorkUnit unit : plan.units()) {
            List<String> uuids = uuidsOf(unit);
            int covered = 0;
            // Every run of consecutive rows the reference has results for becomes one part; tol processes the
            // rows between them (those it skipped: undecodable images, or not reached).
            for (int a = 0; a < uuids.size(); ) {
                int b = a;
                while (b < uuids.size() && uuids.get(b) != null && rows.containsKey(uuids.get(b))) {
                    b++;
                }
                if (b > a) {
                    writePart(out, unit, a, uuids.subList(a, b), rows, columns, b == uuids.size(),
                            keys.get(unit.id()));
                    covered += b - a;
                }
                a = Math.max(b, a + 1);
            }
            imported += covered;
            boolean whole = !uuids.isEmpty() && covered == uuids.size();
            complete += whole ? 1 : 0;
            partial += !whole && covered > 0 ? 1 : 0;
            if (!whole && logged.containsKey(unit.file())) {
                loggedButIncomplete.add(unit.id() + " (reference rows for " + covered + " of " + uuids.size() + ")");
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reference_files", out.referenceAside().toString());
        summary.put("reference_rows", rows.size());
        summary.put("rows_imported", imported);
        summary.put("units_complete", complete);
        summary.put("units_partly", partial);
        summary.put("logged_processed_but_incomplete", loggedButIncomplete);
        summary.put("log_lines_unmatched", ProcessedLines.unmatched(out.referenceAside().resolve("logs"), plan));
        Json.writeAtomically(marker(out), summary);
        LOG.warn("imported {} of the reference's {} rows: {} units complete, {} partly (tol processes the rows "
                + "between); {} units the reference logged as processed lack rows (tol processes those)",
                imported, rows.size(), complete, partial, loggedButIncomplete.size());
    }

    /** The unit's uuids in row order (null for a missing uuid); empty when the file cannot be read. */
    private static List<String> uuidsOf(WorkUnit unit) {
        List<String> uuids = new ArrayList<>();
        Path file = Path.of(unit.path());
        List<String> col = List.of("uuid");
        try (ParquetRows r = unit.wholeFile() ? ParquetRows.open(file, col)
                : ParquetRows.open(file, col, unit.firstRowGroup(), unit.endRowGroup())) {
            for (Row row = r.next(); row != null; row = r.next()) {
                uuids.add(row.string("uuid"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the uuids of {} ({}); it is processed anew", unit.id(), e.toString());
            return List.of();
        }
        return uuids;
    }

    private static void writePart(OutLayout out, WorkUnit unit, long first, List<String> uuids,
            Map<String, Map<String, Object>> rows, List<Column> columns, boolean last, String inputKey)
            throws IOException {
        Path file = out.importDir().resolve(PartNames.part(unit.id(), first));
        try (ParquetRowWriter w = ParquetRowWriter.create(file, columns)) {
            for (String uuid : uuids) {
                w.write(rows.get(uuid));
            }
            w.commit();
        }
        PartRecord rec = new PartRecord(unit.id(), file.getFileName().toString(), first, first + uuids.size(), last,
                Files.size(file), PartCheck.crc32c(file), inputKey);
        AppendLog.append(out.importDir().resolve(OutLayout.MANIFEST), Manifests.line(rec));
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
