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
 * {@code tol.import.threads} (default one per 512 MB of it, at most min(4, cores)).
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
                s.execute("SET threads = " + Integer.getInteger("tol.import.threads", defaultThreads(c)));
                s.execute("SET preserve_insertion_order = false"); // every query that needs an order says it
            }
            return new ImportDb(dir, c);
        } catch (SQLException | ClassNotFoundException e) {
            throw new IOException("cannot open the import's DuckDB database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * One thread per 512 MB of the memory limit, at most 4 and the cores: DuckDB's grouped max over 2.5M uuids
     * ran out of 256 MB with 2 threads and finished with 1 (each thread holds its own blocks).
     */
    private static int defaultThreads(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT current_setting('memory_limit')")) {
            long bytes = rs.next() ? bytes(rs.getString(1)) : 0; // DuckDB shows it as e.g. "953.6 MiB"
            int byMemory = (int) Math.max(1, bytes / (512L << 20));
            return Math.min(byMemory, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Bytes in DuckDB's display of a size ("953.6 MiB", "2.0 GiB", "512 bytes"); 0 when not of that form. */
    static long bytes(String shown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)\\s*([KMGT]i?B|bytes?)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(shown == null ? "" : shown.strip());
        if (!m.matches()) {
            return 0;
        }
        int shift = switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
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
