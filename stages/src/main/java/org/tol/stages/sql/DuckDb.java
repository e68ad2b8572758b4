package org.tol.stages.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB over Parquet files: the relational work of {@code tol report} and {@code tol select}
 * (joins, group-bys, histograms) runs in DuckDB's vectorised engine straight from the files, spilling to disk
 * instead of holding a run's predictions in the JVM heap.
 */
public final class DuckDb implements AutoCloseable {
    private final Connection conn;

    private DuckDb(Connection conn) {
        this.conn = conn;
    }

    /** A fresh in-memory database; {@code threads} bounds DuckDB's worker threads (0 = DuckDB's default). */
    public static DuckDb open(int threads) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("DuckDB JDBC driver is not on the class path", e);
        }
        DuckDb db = new DuckDb(DriverManager.getConnection("jdbc:duckdb:"));
        if (threads > 0) {
            db.execute("SET threads = " + threads);
        }
        return db;
    }

    /** {@code s} as an SQL string literal. */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** {@code name} as an SQL identifier. */
    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** An SQL list of Parquet paths, for {@code read_parquet([...])}. */
    public static String fileList(List<Path> files) {
        return files.stream().map(p -> literal(p.toAbsolutePath().toString())).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Creates (or replaces) view {@code name} over the rows of {@code files} (columns unified by name). */
    public void parquetView(String name, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            throw new SQLException("no Parquet files for view " + name);
        }
        execute("CREATE OR REPLACE VIEW " + identifier(name) + " AS SELECT * FROM read_parquet(" + fileList(files)
                + ", union_by_name = true)");
    }

    public void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** Every row of {@code sql} ({@code ?} bound to {@code params}), values as JDBC returns them. */
    public List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getObject(c));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public Object scalar(String sql, Object... params) throws SQLException {
        List<List<Object>> r = rows(sql, params);
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    /** Column name to DuckDB type name of a table, view or query ({@code DESCRIBE}). */
    public Map<String, String> columns(String relation) throws SQLException {
        Map<String, String> cols = new LinkedHashMap<>();
        for (List<Object> r : rows("DESCRIBE " + relation)) {
            cols.put(String.valueOf(r.get(0)), String.valueOf(r.get(1)));
        }
        return cols;
    }

    public Connection connection() {
        return conn;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
