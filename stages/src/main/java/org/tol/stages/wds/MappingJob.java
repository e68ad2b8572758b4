package org.tol.stages.wds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;

/**
 * {@code tol wds mapping}: rebuilds the reproduce database (mapping.sqlite: eol, inat21, bioscan, split) from a
 * published catalog.csv, so the published ids and splits are used instead of new random ones. A row's source is
 * the filled id columns; its split column gives is_val (val) and is_train_small (a train_small row, which is a
 * second copy of a train row). Written to a temp file and renamed; an existing file tol did not write is kept.
 */
public final class MappingJob {
    public record Summary(Path db, long rows, Map<String, Long> byTable, long val, long trainSmall, long noSource) {}

    private MappingJob() {}

    public static Summary run(Path catalog, Path output, boolean overwrite) throws IOException {
        if (Files.exists(output) && !overwrite) {
            throw TolException.usage(output + " exists", "pass --overwrite to replace it, or choose another --output");
        }
        Path tmp = AtomicFiles.tempSibling(output);
        Map<String, Long> byTable = new LinkedHashMap<>(Map.of("eol", 0L, "inat21", 0L, "bioscan", 0L));
        Map<String, int[]> split = new HashMap<>(); // id -> [is_val, is_train_small]
        long rows = 0;
        long noSource = 0;
        try (CsvRows in = new CsvRows(catalog); Connection c = Sqlite.open(tmp, false)) {
            in.require(CatalogJob.HEADER.subList(1, 9));
            boolean hasSplit = in.has("split");
            c.setAutoCommit(false);
            try (PreparedStatement eol = c.prepareStatement(
                            "INSERT OR IGNORE INTO eol (content_id, page_id, evobio10m_id) VALUES (?, ?, ?)");
                    PreparedStatement inat = c.prepareStatement("INSERT OR IGNORE INTO inat21 "
                            + "(filename, cls_name, cls_num, evobio10m_id) VALUES (?, ?, ?, ?)");
                    PreparedStatement bio = c.prepareStatement(
                            "INSERT OR IGNORE INTO bioscan (part, filename, evobio10m_id) VALUES (?, ?, ?)")) {
                for (String[] r = in.next(); r != null; r = in.next()) {
                    rows++;
                    String id = in.get(r, "treeoflife_id");
                    try {
                        if (!in.get(r, "eol_content_id").isEmpty()) {
                            eol.setLong(1, Long.parseLong(in.get(r, "eol_content_id")));
                            eol.setLong(2, Long.parseLong(in.get(r, "eol_page_id")));
                            eol.setString(3, id);
                            byTable.merge("eol", (long) eol.executeUpdate(), Long::sum);
                        } else if (!in.get(r, "bioscan_filename").isEmpty()) {
                            bio.setLong(1, Long.parseLong(in.get(r, "bioscan_part")));
                            bio.setString(2, in.get(r, "bioscan_filename"));
                            bio.setString(3, id);
                            byTable.merge("bioscan", (long) bio.executeUpdate(), Long::sum);
                        } else if (!in.get(r, "inat21_filename").isEmpty()) {
                            inat.setString(1, in.get(r, "inat21_filename"));
                            inat.setString(2, in.get(r, "inat21_cls_name"));
                            inat.setLong(3, Long.parseLong(in.get(r, "inat21_cls_num")));
                            inat.setString(4, id);
                            byTable.merge("inat21", (long) inat.executeUpdate(), Long::sum);
                        } else {
                            noSource++;
                        }
                    } catch (NumberFormatException e) {
                        throw new TolException(catalog + " line " + in.line() + ": a numeric id column is not a "
                                + "number (" + e.getMessage() + ")", "check the catalog file");
                    }
                    if (hasSplit) {
                        int[] s = split.computeIfAbsent(id, k -> new int[2]);
                        String name = in.get(r, "split");
                        if (name.equals("val")) {
                            s[0] = 1;
                        } else if (name.equals("train_small")) {
                            s[1] = 1;
                        }
                    }
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO split (evobio10m_id, is_val, is_train_small) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, int[]> e : split.entrySet()) {
                    ins.setString(1, e.getKey());
                    ins.setInt(2, e.getValue()[0]);
                    ins.setInt(3, e.getValue()[1]);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new TolException("cannot write " + output + ": " + e.getMessage(), "check the output directory");
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.deleteIfExists(Path.of(tmp + "-wal"));
        Files.deleteIfExists(Path.of(tmp + "-shm"));
        AtomicFiles.fsync(tmp);
        AtomicFiles.moveAtomically(tmp, output);
        long val = split.values().stream().filter(s -> s[0] == 1).count();
        long small = split.values().stream().filter(s -> s[1] == 1).count();
        return new Summary(output, rows, byTable, val, small, noSource);
    }
}
