package org.tol.stages.wds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.api.TolException;

/**
 * {@code tol wds splits}: {@code make_splits.py} made reproducible. Per source table (eol, inat21, bioscan), as
 * the reference: val = k = n*valSplit/100 ids, train = the rest, train_small = |train|*smallSplit/100 ids of
 * train. Instead of {@code random.sample} over a set (whose order depends on Python's per-process string hash),
 * the ids with the smallest SHA-256(seed, purpose, id) are taken, so the same seed gives the same split on every
 * machine. The split table is replaced in one transaction, so a rerun never fails on duplicate keys.
 */
public final class SplitsJob {
    public static final List<String> TABLES = List.of("eol", "inat21", "bioscan");

    public record TableSplit(long ids, long val, long train, long trainSmall) {}

    private SplitsJob() {}

    public static Map<String, TableSplit> run(Path db, long seed, int valSplit, int trainSmallSplit) {
        if (!Files.isRegularFile(db)) {
            throw new TolException("database not found: " + db, "make it with make_mapping.py or 'tol wds mapping'");
        }
        if (valSplit < 0 || valSplit > 100 || trainSmallSplit < 0 || trainSmallSplit > 100) {
            throw new IllegalArgumentException("--val-split and --train-small-split are percentages 0..100");
        }
        Map<String, TableSplit> out = new LinkedHashMap<>();
        try (Connection c = Sqlite.open(db, false)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM split");
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO split (evobio10m_id, is_val, is_train_small) VALUES (?, ?, ?)")) {
                for (String table : TABLES) {
                    List<String> ids = ids(c, table);
                    Set<String> val = pick(ids, ids.size() * (long) valSplit / 100, seed, "val");
                    List<String> train = ids.stream().filter(id -> !val.contains(id)).toList();
                    Set<String> small = pick(train, train.size() * (long) trainSmallSplit / 100, seed, "train_small");
                    for (String id : ids) {
                        ins.setString(1, id);
                        ins.setInt(2, val.contains(id) ? 1 : 0);
                        ins.setInt(3, small.contains(id) ? 1 : 0);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                    out.put(table, new TableSplit(ids.size(), val.size(), train.size(), small.size()));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new TolException(db + ": cannot write the split table: " + e.getMessage(),
                    "check that the file is a mapping.sqlite and not open in another writer");
        }
        return out;
    }

    private static List<String> ids(Connection c, String table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT evobio10m_id FROM " + table + " ORDER BY evobio10m_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** The k ids with the smallest rank(seed, purpose, id); ties (never in practice) broken by id. */
    static Set<String> pick(List<String> ids, long k, long seed, String purpose) {
        record Ranked(long rank, String id) {}
        List<Ranked> ranked = new ArrayList<>(ids.size());
        for (String id : ids) {
            ranked.add(new Ranked(rank(seed, purpose, id), id));
        }
        ranked.sort(Comparator.comparingLong(Ranked::rank).thenComparing(Ranked::id));
        Set<String> out = new HashSet<>();
        for (int i = 0; i < k; i++) {
            out.add(ranked.get(i).id());
        }
        return out;
    }

    /** First 8 bytes of SHA-256("seed:purpose:id"), unsigned order. */
    static long rank(long seed, String purpose, String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + purpose + ":" + id).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h).getLong() ^ Long.MIN_VALUE; // signed compare of this = unsigned order
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
