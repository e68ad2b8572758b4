package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The DuckDB database an import works in, so that it runs in bounded memory however many rows the reference
 * wrote (up to ~25M per rank, with cumulative checkpoints holding them again): tables live in a database file
 * under {@code dir}, DuckDB keeps at most {@code memory_limit} in memory and spills sorts, joins and
 * aggregates to {@code dir}; results stream to Java a chunk at a time. {@code dir} is deleted on close and
 * on the next import's start (an import cut short leaves it).
 *
 * <p>Limits: system properties {@code tol.import.memory} (DuckDB syntax, default {@code 1GB}) and
 * {@code tol.import.threads} (default min(4, cores)).
 */
final class ImportDb implements AutoCloseable {
    private final Path dir;
    private final Connection conn;

    private ImportDb(Path dir, Connection conn) {
        this.dir = dir;
        this.conn = conn;
    }

    static ImportDb open(Path dir) throws IOException {
        delete(dir);
        Files.createDirectories(dir);
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true"); // else a result is materialised before the first row
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("import.duckdb"), props);
            try (Statement s = c.createStatement()) {
                s.execute("SET memory_limit = " + quote(System.getProperty("tol.import.memory", "1GB")));
                s.execute("SET temp_directory = " + quote(dir.resolve("spill").toString()));
                s.execute("SET threads = " + Integer.getInteger("tol.import.threads",
                        Math.min(4, Runtime.getRuntime().availableProcessors())));
                s.execute("SET preserve_insertion_order = false"); // every query that needs an order says it
            }
            return new ImportDb(dir, c);
        } catch (SQLException | ClassNotFoundException e) {
            throw new IOException("cannot open the import's DuckDB database in " + dir + ": " + e.getMessage(), e);
        }
    }

    Connection connection() {
        return conn;
    }

    void execute(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A SQL string literal. */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A SQL identifier. */
    static String ident(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** A {@code read_parquet} call that also yields each row's position in the file. */
    static String readParquet(Path file) {
        return "read_parquet(" + quote(file.toString()) + ", file_row_number = true)";
    }

    @Override
    public void close() throws IOException {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
