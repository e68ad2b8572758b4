package org.tol.stages.wds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * mapping.sqlite access (xerial sqlite-jdbc) with the reference's settings: WAL journal, 120 s busy timeout,
 * and its schema ({@code evobio10m.py}): eol, inat21, bioscan and split tables keyed by evobio10m_id.
 */
public final class Sqlite {
    public static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS eol (content_id INT NOT NULL, page_id INT NOT NULL,
                evobio10m_id TEXT NOT NULL PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS inat21 (filename TEXT NOT NULL, cls_name TEXT NOT NULL, cls_num INT NOT NULL,
                evobio10m_id TEXT NOT NULL PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS bioscan (part INT NOT NULL, filename TEXT NOT NULL,
                evobio10m_id TEXT NOT NULL PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS split (evobio10m_id TEXT NOT NULL PRIMARY KEY, is_val INTEGER NOT NULL,
                is_train_small INTEGER NOT NULL);
            """;

    private Sqlite() {}

    public static Connection open(Path db, boolean readOnly) throws SQLException {
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        cfg.setBusyTimeout(120_000);
        cfg.setReadOnly(readOnly);
        if (!readOnly) {
            cfg.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), cfg.toProperties());
        if (!readOnly) {
            try (Statement st = c.createStatement()) {
                for (String stmt : SCHEMA.split(";")) {
                    if (!stmt.isBlank()) {
                        st.execute(stmt);
                    }
                }
            }
        }
        return c;
    }
}
