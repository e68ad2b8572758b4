package org.tol.stages.decode;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;

/**
 * Which rows repeat an earlier row's file name, over all inputs: computed once when the run is planned (a
 * scan of the uuid column with DuckDB) and kept in {@code OUT/_decode_duplicates.json} as
 * {@code {path: {row: k}}}, so every rank of every later start names the k-th repeat {@code <name>_k}
 * without rescanning. Usually empty.
 */
final class DuplicateNames {
    static final String FILE = "_decode_duplicates.json";

    private DuplicateNames() {}

    /** Scans the uuid columns of {@code files} (absolute paths) and writes the repeats file into {@code out}. */
    static void compute(List<String> files, Path out) throws IOException {
        write(out, scan(files));
    }

    /** The repeats of {@code files} (absolute paths): path → (row → k). */
    static Map<String, Map<Long, Integer>> scan(List<String> files) throws IOException {
        Map<String, Map<Long, Integer>> repeats = new TreeMap<>();
        String list = files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", "));
        Map<String, String> baseOf = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // Names, not uuids, collide (NULL and unsafe uuids map to names too), so group by the name's base in
            // Java only for the few uuids that repeat or are not safe names.
            String q = "SELECT uuid, filename, file_row_number FROM read_parquet([" + list + "], filename = true,"
                    + " file_row_number = true) ORDER BY filename, file_row_number";
            Map<String, Integer> seen = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT uuid, filename, file_row_number FROM (SELECT *, count(*) OVER"
                    + " (PARTITION BY uuid) AS n FROM (" + q + ")) WHERE n > 1 OR uuid IS NULL"
                    + " OR NOT regexp_full_match(uuid, '[A-Za-z0-9_-][A-Za-z0-9._-]*') OR octet_length(encode(uuid)) > "
                    + DecodeNames.MAX_BYTES + " ORDER BY filename, file_row_number")) {
                while (r.next()) {
                    String uuid = r.getString(1);
                    String base = baseOf.computeIfAbsent(String.valueOf(uuid) + (uuid == null ? "\u0000" : ""),
                            k -> DecodeNames.base(uuid));
                    int k = seen.merge(base, 1, Integer::sum) - 1;
                    if (k > 0) {
                        repeats.computeIfAbsent(r.getString(2), x -> new TreeMap<>()).put(r.getLong(3), k);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not scan the uuid columns for repeated names: " + e.getMessage(), e);
        }
        return repeats;
    }

    static void write(Path out, Map<String, Map<Long, Integer>> repeats) throws IOException {
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(FILE), Json.mapper().writeValueAsString(repeats));
    }

    /** The repeats of one input file: row → k. */
    static Map<Long, Integer> load(Path out, String file) throws IOException {
        return loadAll(out).getOrDefault(file, Map.of());
    }

    /** Every input file's repeats, as written when the run was planned. */
    static Map<String, Map<Long, Integer>> loadAll(Path out) throws IOException {
        Path f = out.resolve(FILE);
        if (!Files.exists(f)) {
            throw new IOException(f + " is missing (written when the run was planned); start again with a new --output");
        }
        return Json.mapper().readValue(f.toFile(), new TypeReference<Map<String, Map<Long, Integer>>>() {});
    }
}
