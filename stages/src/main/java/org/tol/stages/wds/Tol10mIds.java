package org.tol.stages.wds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.tol.api.TolException;

/** mapping.sqlite's lookups as make_wds_reproduce.py builds them: EOL id → (content, page), (file, cls) → id, (part, file) → id. */
final class Tol10mIds {
    final Map<String, long[]> eol = new HashMap<>();
    final Map<String, String> inat21 = new HashMap<>(); // cls_num + "/" + filename
    final Map<String, String> bioscan = new HashMap<>(); // part + "/" + filename

    static Tol10mIds load(Path db) {
        Tol10mIds ids = new Tol10mIds();
        try (Connection c = Sqlite.open(db, true); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT evobio10m_id, content_id, page_id FROM eol")) {
                while (rs.next()) {
                    ids.eol.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT evobio10m_id, filename, cls_num FROM inat21")) {
                while (rs.next()) {
                    ids.inat21.put(rs.getLong(3) + "/" + rs.getString(2), rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT evobio10m_id, part, filename FROM bioscan")) {
                while (rs.next()) {
                    ids.bioscan.put(rs.getLong(2) + "/" + rs.getString(3), rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new TolException(db + ": cannot read eol/inat21/bioscan: " + e.getMessage(),
                    "pass mapping.sqlite from make_mapping.py or 'tol wds mapping --catalog catalog.csv'");
        }
        return ids;
    }
}
