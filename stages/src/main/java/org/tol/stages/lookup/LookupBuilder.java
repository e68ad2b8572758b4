package org.tol.stages.lookup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;

/**
 * The relational half of {@code tol lookup build}, in DuckDB: select the group's rows from the attributes
 * table, inner-join the index on uuid, cut the sorted distinct paths into batches of at most N files
 * ({@code group_id = floor((rank - 1) / N)}, as the reference's {@code write_lookup_tbl}) and write each batch
 * as one Parquet file sorted by path and every column, so the same inputs give byte-identical files. DuckDB
 * keeps memory under {@code memoryLimit} and spills joins and sorts to {@code tempDir}.
 */
public final class LookupBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(LookupBuilder.class);

    /** Where one output file goes: OUT-relative name in, path to write out. */
    @FunctionalInterface
    public interface OutputFiles {
        Path file(String relative) throws IOException;
    }

    public record Options(List<String> attributes, List<String> index, List<String> multiImages,
            List<String> citizenScience, LookupGroup group, int maxFilesPerBatch, long seed, String memoryLimit,
            int threads) {}

    public record Result(long rows, long batches, long paths, long missing, Map<Long, Long> rowsPerBatch) {}

    private final Options o;

    public LookupBuilder(Options options) {
        this.o = options;
        if (o.maxFilesPerBatch() < 1) {
            throw TolException.usage("--max-files-per-batch must be at least 1", null);
        }
    }

    public Result build(Path tempDir, OutputFiles out) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            exec(s, "SET memory_limit = '" + o.memoryLimit().replace("'", "") + "'");
            exec(s, "SET temp_directory = '" + sql(tempDir.toAbsolutePath().toString()) + "'");
            exec(s, "SET threads = " + Math.max(1, o.threads()));
            exec(s, "SET preserve_insertion_order = true");
            defineInputs(s);
            String sel = selectSql();
            LOG.info("lookup build: {}", sel);
            exec(s, "CREATE TEMP TABLE sel AS " + sel);
            exec(s, "CREATE TEMP TABLE joined AS SELECT i.path, s.* FROM sel s JOIN idx i ON s.uuid = i.uuid"
                    + " WHERE i.path IS NOT NULL" + sampleSql());
            if (o.group().maxPerSourceId() != null) {
                exec(s, "DELETE FROM joined WHERE source_id IS NULL OR source_id NOT IN (SELECT source_id FROM joined"
                        + " GROUP BY source_id HAVING count(*) <= " + o.group().maxPerSourceId() + ")");
            }
            long missing = writeMissing(s, out);
            exec(s, "CREATE TEMP TABLE batches AS SELECT path, (row_number() OVER (ORDER BY path) - 1) // "
                    + o.maxFilesPerBatch() + " AS group_id FROM (SELECT DISTINCT path FROM joined)");
            List<String> columns = columns(s, "joined");
            String order = columns.stream().map(LookupBuilder::q).collect(Collectors.joining(", "));
            exec(s, "CREATE TEMP TABLE result AS SELECT b.group_id, j.* FROM joined j JOIN batches b USING (path)"
                    + " ORDER BY b.group_id, " + columns.stream().map(x -> "j." + q(x)).collect(Collectors.joining(", ")));
            // One thread for the writes: a file's row groups then never depend on how work was split.
            exec(s, "SET threads = 1");
            Map<Long, Long> perBatch = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT group_id, count(*) FROM result GROUP BY group_id ORDER BY group_id")) {
                while (r.next()) {
                    perBatch.put(r.getLong(1), r.getLong(2));
                }
            }
            long rows = 0;
            for (Map.Entry<Long, Long> e : perBatch.entrySet()) {
                Path f = out.file("group_id=" + e.getKey() + "/part-00000.parquet");
                exec(s, "COPY (SELECT " + order + " FROM result WHERE group_id = " + e.getKey() + " ORDER BY " + order
                        + ") TO '" + sql(f.toString()) + "' (FORMAT parquet, COMPRESSION snappy)");
                rows += e.getValue();
            }
            long paths;
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM batches")) {
                r.next();
                paths = r.getLong(1);
            }
            return new Result(rows, perBatch.size(), paths, missing, perBatch);
        } catch (SQLException e) {
            throw new TolException("lookup build failed: " + e.getMessage(),
                    "check that ATTR has the group's columns and INDEX has uuid and path (tol inspect shows a schema)",
                    ExitCodes.FAILURE, e);
        }
    }

    /** Selected rows with no INDEX row (or only rows with a NULL path): reported, and listed in a file. */
    private long writeMissing(Statement s, OutputFiles out) throws SQLException, IOException {
        String cols = columns(s, "sel").contains("source_id") ? "s.uuid, s.source_id" : "s.uuid";
        exec(s, "CREATE TEMP TABLE missing AS SELECT " + cols + " FROM sel s WHERE NOT EXISTS"
                + " (SELECT 1 FROM idx i WHERE i.uuid = s.uuid AND i.path IS NOT NULL)");
        long n;
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM missing")) {
            r.next();
            n = r.getLong(1);
        }
        if (n > 0) {
            LOG.warn("{} selected rows have no path in INDEX; listed in _missing_from_index.parquet", n);
            Path f = out.file("_missing_from_index.parquet");
            exec(s, "SET threads = 1");
            exec(s, "COPY (SELECT * FROM missing ORDER BY ALL) TO '" + sql(f.toString())
                    + "' (FORMAT parquet, COMPRESSION snappy)");
            exec(s, "SET threads = " + Math.max(1, o.threads()));
        }
        return n;
    }

    private void defineInputs(Statement s) throws SQLException {
        exec(s, "CREATE TEMP VIEW attr AS SELECT * FROM " + scan(o.attributes(), "--attributes"));
        exec(s, "CREATE TEMP VIEW idx AS SELECT uuid, path FROM " + scan(o.index(), "--index"));
        LookupGroup g = o.group();
        if (g.source() == LookupGroup.Source.CITIZEN_SCIENCE) {
            if (o.citizenScience() == null || o.citizenScience().isEmpty()) {
                throw TolException.usage("group " + g.name() + " reads the citizen-science occurrences",
                        "pass --citizen-science TABLE (the reference's occurrence_citizen_science)");
            }
            exec(s, "CREATE TEMP VIEW src AS SELECT * FROM " + scan(o.citizenScience(), "--citizen-science"));
        } else {
            exec(s, "CREATE TEMP VIEW src AS SELECT * FROM attr");
        }
        if (g.multiImages()) {
            if (o.multiImages() != null && !o.multiImages().isEmpty()) {
                exec(s, "CREATE TEMP VIEW multi AS SELECT source_id FROM " + scan(o.multiImages(), "--multi-images"));
            } else {
                // The reference's commented-out derivation of source_id_with_multiple_uuids.
                LOG.info("no --multi-images: using the source_ids of ATTR with more than one distinct uuid");
                exec(s, "CREATE TEMP VIEW multi AS SELECT source_id FROM attr GROUP BY source_id"
                        + " HAVING count(DISTINCT uuid) > 1");
            }
        }
    }

    /** The group's rows and columns, before the INDEX join. */
    String selectSql() {
        LookupGroup g = o.group();
        String cols = g.columns() == null ? "src.*"
                : g.columns().stream().map(c -> "src." + q(c)).collect(Collectors.joining(", "));
        StringBuilder b = new StringBuilder("SELECT ").append(cols).append(" FROM src");
        if (g.multiImages()) {
            b.append(" JOIN multi ON src.source_id = multi.source_id");
        }
        if (g.where() != null) {
            b.append(" WHERE (").append(g.where()).append(")");
        }
        return b.toString();
    }

    /**
     * The deterministic stand-in for Spark's {@code sampleBy("kingdom", fractions, seed)}: a row is kept when
     * the first 32 bits of md5("{seed}:{uuid}"), read as an unsigned fraction of 2^32, are below its
     * kingdom's fraction (kingdoms not listed: 0). Same rows on every machine and run; not Spark's rows
     * (Spark draws from a per-partition RNG that depends on its partitioning).
     */
    private String sampleSql() {
        Map<String, Double> f = o.group().sampleFractions();
        if (f == null) {
            return "";
        }
        StringBuilder cases = new StringBuilder("(CASE s.kingdom");
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(f).entrySet()) {
            cases.append(" WHEN '").append(sql(e.getKey())).append("' THEN ").append(e.getValue());
        }
        cases.append(" ELSE 0 END)");
        return " AND ('0x' || substr(md5('" + o.seed() + ":' || s.uuid), 1, 8))::UBIGINT < " + cases
                + " * 4294967296";
    }

    private static String scan(List<String> inputs, String option) {
        List<Path> files = tableFiles(inputs);
        if (files.isEmpty()) {
            throw TolException.usage("no *.parquet files in " + option + " " + inputs, "check " + option);
        }
        return "read_parquet([" + files.stream().map(f -> "'" + sql(f.toAbsolutePath().toString()) + "'")
                .collect(Collectors.joining(", ")) + "], union_by_name = true)";
    }

    /**
     * The Parquet files of a table given as files or directories (recursive, sorted, {@code .}/{@code _} entries
     * skipped). Unlike data inputs, a file is always the table itself: an index has a {@code path} column and no
     * image, which {@link InputFiles} would take for a list of input files.
     */
    public static List<Path> tableFiles(List<String> inputs) {
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (!java.nio.file.Files.exists(p)) {
                throw TolException.usage("table not found: " + in, "pass a Parquet file or a directory of them");
            }
            if (java.nio.file.Files.isDirectory(p)) {
                out.addAll(InputFiles.resolve(List.of(in)).stream().map(InputFile::path).toList());
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> columns(Statement s, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery("DESCRIBE " + table)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static void exec(Statement s, String sqlText) throws SQLException {
        s.execute(sqlText);
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String sql(String literal) {
        return literal.replace("'", "''");
    }
}
