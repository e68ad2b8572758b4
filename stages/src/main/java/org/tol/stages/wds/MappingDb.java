package org.tol.stages.wds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.tol.api.TolException;

/** The source of every id in mapping.sqlite (one of eol, bioscan, inat21), as make_catalog looks them up. */
public final class MappingDb {
    /** DatasetId: the source columns of one id; unused fields null. */
    public record Source(Long eolContentId, Long eolPageId, Long bioscanPart, String bioscanFilename,
            String inat21Filename, String inat21ClsName, Long inat21ClsNum) {
        public static final Source NONE = new Source(null, null, null, null, null, null, null);
    }

    private final Map<String, Source> byId = new HashMap<>();

    public static MappingDb load(Path db) {
        MappingDb m = new MappingDb();
        try (Connection c = Sqlite.open(db, true); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT content_id, page_id, evobio10m_id FROM eol")) {
                while (rs.next()) {
                    m.byId.put(rs.getString(3), new Source(rs.getLong(1), rs.getLong(2), null, null, null, null, null));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT part, filename, evobio10m_id FROM bioscan")) {
                while (rs.next()) {
                    m.byId.put(rs.getString(3), new Source(null, null, rs.getLong(1), rs.getString(2), null, null, null));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT filename, cls_name, cls_num, evobio10m_id FROM inat21")) {
                while (rs.next()) {
                    m.byId.put(rs.getString(4),
                            new Source(null, null, null, null, rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new TolException(db + ": cannot read the eol/bioscan/inat21 tables: " + e.getMessage(),
                    "pass the mapping.sqlite made by make_mapping.py or 'tol wds mapping'");
        }
        return m;
    }

    public static MappingDb empty() {
        return new MappingDb();
    }

    public Source get(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }
}
