package org.tol.stages.wds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.tol.api.TolException;

/**
 * The ids of one split from a mapping.sqlite {@code split} table, with the reference's definitions
 * ({@code evobio10m_reproduce.load_splits}): train = is_val 0, val = is_val 1, train_small = is_val 0 and
 * is_train_small 1 (a subset of train).
 */
public final class SplitIds {
    private SplitIds() {}

    public static String where(String split) {
        return switch (split) {
            case "train" -> "is_val = 0";
            case "val" -> "is_val = 1";
            case "train_small" -> "is_val = 0 AND is_train_small = 1";
            default -> throw new IllegalArgumentException("--split must be train, val or train_small, got '" + split + "'");
        };
    }

    public static Set<String> load(Path db, String split) {
        if (!Files.isRegularFile(db)) {
            throw new TolException("split database not found: " + db, "make it with 'tol wds splits --db FILE'");
        }
        Set<String> ids = new HashSet<>();
        try (Connection c = Sqlite.open(db, true); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT evobio10m_id FROM split WHERE " + where(split))) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new TolException(db + ": cannot read the split table: " + e.getMessage(),
                    "run 'tol wds splits --db " + db + "' first");
        }
        return ids;
    }
}
