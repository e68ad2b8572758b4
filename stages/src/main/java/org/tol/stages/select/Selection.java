package org.tol.stages.select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;
import org.tol.stages.sql.DuckDb;

/**
 * {@code tol select}: applies a curator's decision to predictions. The rows are those of the first source; the
 * others are joined on uuid. A row is dropped for the first reason that applies, in this order: its uuid is
 * missing from another source, a source's {@code status} is not ok (unless failed rows are kept), its uuid is
 * listed in an exclude file (for example {@code tol pdq dedup}'s {@code exclude.parquet}), or a {@code --where}
 * condition is false or NULL (SQL semantics: a comparison with a missing value does not keep the row). The
 * keep-list holds uuid and the columns the conditions use. All of it runs in DuckDB, which spills to disk.
 */
public final class Selection {
    /** What was kept and why the rest was dropped. */
    public record Result(long rows, long kept, Map<String, Long> droppedByReason, List<String> columns, Path keep) {}

    private static final Pattern STRING_LITERAL = Pattern.compile("'([^']|'')*'");

    private final List<PredictionSource> sources;
    private final List<String> conditions;
    private final List<Path> excludes;
    private final boolean keepFailed;
    private final List<String> extraColumns;

    public Selection(List<PredictionSource> sources, List<String> conditions, List<Path> excludes, boolean keepFailed) {
        this(sources, conditions, excludes, keepFailed, List.of());
    }

    /** @param extraColumns more columns for the keep-list ({@code col} or {@code alias.col}), e.g. source_id */
    public Selection(List<PredictionSource> sources, List<String> conditions, List<Path> excludes, boolean keepFailed,
            List<String> extraColumns) {
        if (sources.isEmpty()) {
            throw TolException.usage("no --predictions given", "pass at least one collected output");
        }
        Set<String> aliases = new HashSet<>();
        for (PredictionSource s : sources) {
            if (!aliases.add(s.alias())) {
                throw TolException.usage("two --predictions share the name '" + s.alias() + "'",
                        "name them: --predictions clip=OUT1 --predictions md=OUT2");
            }
        }
        this.sources = List.copyOf(sources);
        this.conditions = List.copyOf(conditions);
        this.excludes = List.copyOf(excludes);
        this.keepFailed = keepFailed;
        this.extraColumns = List.copyOf(extraColumns);
    }

    /**
     * Decides every row into a temp table {@code decided} (uuid, used columns, drop_reason) of {@code db}, writes
     * the kept rows to {@code keep} (and the dropped ones with their reason to {@code dropped}, when given).
     */
    public Result run(DuckDb db, Path keep, Path dropped) throws SQLException, IOException {
        Map<String, Map<String, String>> schemas = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            PredictionSource s = sources.get(i);
            db.parquetView("src" + i, List.of(s.file()));
            Map<String, String> cols = db.columns("src" + i);
            if (!cols.containsKey("uuid")) {
                throw TolException.usage(s.file() + " has no uuid column", "pass tol's predictions (every row has a uuid)");
            }
            schemas.put(s.alias(), cols);
        }
        Map<String, String> used = usedColumns(schemas);
        StringBuilder from = new StringBuilder("src0 AS " + DuckDb.identifier(sources.get(0).alias()));
        String base = DuckDb.identifier(sources.get(0).alias());
        for (int i = 1; i < sources.size(); i++) {
            String a = DuckDb.identifier(sources.get(i).alias());
            from.append(" LEFT JOIN src").append(i).append(" AS ").append(a).append(" ON ").append(a).append(".uuid = ")
                    .append(base).append(".uuid");
        }
        for (int i = 0; i < excludes.size(); i++) {
            from.append(" LEFT JOIN (SELECT DISTINCT uuid FROM read_parquet(").append(DuckDb.literal(excludes.get(i).toString()))
                    .append(")) AS excl").append(i).append(" ON excl").append(i).append(".uuid = ").append(base).append(".uuid");
        }
        StringBuilder select = new StringBuilder("SELECT " + base + ".uuid AS uuid");
        used.forEach((expr, name) -> select.append(", ").append(expr).append(" AS ").append(DuckDb.identifier(name)));
        select.append(", ").append(reasonCase(schemas)).append(" AS drop_reason FROM ").append(from);
        try {
            db.execute("CREATE OR REPLACE TEMP TABLE decided AS " + select);
        } catch (SQLException e) {
            throw new TolException("the selection does not run: " + e.getMessage().lines().findFirst().orElse(""),
                    "columns: " + describe(schemas) + " (qualify a name present in several outputs: alias.column)",
                    ExitCodes.USAGE, e);
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        long rows = 0;
        long kept = 0;
        for (List<Object> r : db.rows("SELECT drop_reason, count(*) FROM decided GROUP BY 1 ORDER BY 2 DESC, 1")) {
            long n = ((Number) r.get(1)).longValue();
            rows += n;
            if (r.get(0) == null) {
                kept = n;
            } else {
                reasons.put(String.valueOf(r.get(0)), n);
            }
        }
        copy(db, "SELECT * EXCLUDE (drop_reason) FROM decided WHERE drop_reason IS NULL ORDER BY uuid", keep);
        if (dropped != null) {
            copy(db, "SELECT uuid, drop_reason FROM decided WHERE drop_reason IS NOT NULL ORDER BY uuid", dropped);
        }
        return new Result(rows, kept, reasons, new ArrayList<>(used.values()), keep);
    }

    /** The CASE that names the first reason a row is dropped, or NULL when it is kept. */
    private String reasonCase(Map<String, Map<String, String>> schemas) {
        StringBuilder c = new StringBuilder("CASE");
        for (int i = 1; i < sources.size(); i++) {
            String a = sources.get(i).alias();
            c.append(" WHEN ").append(DuckDb.identifier(a)).append(".uuid IS NULL THEN ").append(DuckDb.literal("not in " + a));
        }
        if (!keepFailed) {
            for (PredictionSource s : sources) {
                if (schemas.get(s.alias()).containsKey("status")) {
                    String st = DuckDb.identifier(s.alias()) + ".status";
                    c.append(" WHEN ").append(st).append(" IS DISTINCT FROM 'ok' THEN ").append(DuckDb.literal(s.alias() + " status "))
                            .append(" || coalesce(").append(st).append(", 'NULL')");
                }
            }
        }
        for (int i = 0; i < excludes.size(); i++) {
            c.append(" WHEN excl").append(i).append(".uuid IS NOT NULL THEN ")
                    .append(DuckDb.literal("excluded by " + excludes.get(i).getFileName()));
        }
        for (String cond : conditions) {
            c.append(" WHEN NOT coalesce((").append(cond).append("), false) THEN ").append(DuckDb.literal("where: " + cond));
        }
        return c.append(" ELSE NULL END").toString();
    }

    /**
     * The source columns the conditions name (string literals ignored), as SQL expression to output name: the
     * plain column name when only one source has it, else {@code alias_column}.
     */
    private Map<String, String> usedColumns(Map<String, Map<String, String>> schemas) {
        String text = STRING_LITERAL.matcher(String.join(" ", conditions)).replaceAll(" ");
        Map<String, Integer> owners = new LinkedHashMap<>();
        schemas.values().forEach(cols -> cols.keySet().forEach(k -> owners.merge(k, 1, Integer::sum)));
        Map<String, String> used = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : schemas.entrySet()) {
            for (String col : e.getValue().keySet()) {
                if (!col.equals("uuid") && Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(col) + "(?![A-Za-z0-9_])",
                        Pattern.CASE_INSENSITIVE).matcher(text).find()) {
                    String name = owners.get(col) > 1 ? e.getKey() + "_" + col : col;
                    used.put(DuckDb.identifier(e.getKey()) + "." + DuckDb.identifier(col), name);
                }
            }
        }
        for (String extra : extraColumns) {
            int dot = extra.indexOf('.');
            String alias = dot < 0 ? null : extra.substring(0, dot);
            String col = dot < 0 ? extra : extra.substring(dot + 1);
            String owner = schemas.entrySet().stream().filter(e -> (alias == null || e.getKey().equals(alias))
                    && e.getValue().containsKey(col)).map(Map.Entry::getKey).findFirst().orElseThrow(() -> TolException.usage(
                    "--columns: no column '" + extra + "'", "columns: " + describe(schemas)));
            used.putIfAbsent(DuckDb.identifier(owner) + "." + DuckDb.identifier(col), owners.get(col) > 1 ? owner + "_" + col : col);
        }
        return used;
    }

    private static String describe(Map<String, Map<String, String>> schemas) {
        StringBuilder b = new StringBuilder();
        schemas.forEach((a, cols) -> b.append(b.length() == 0 ? "" : "; ").append(a).append(": ")
                .append(String.join(", ", cols.keySet())));
        return b.toString();
    }

    /** {@code COPY (query) TO target} through a temp file, fsync'd and renamed into place. */
    static void copy(DuckDb db, String query, Path target) throws SQLException, IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = AtomicFiles.tempSibling(abs);
        try {
            db.execute("COPY (" + query + ") TO " + DuckDb.literal(tmp.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
            AtomicFiles.fsync(tmp);
            AtomicFiles.moveAtomically(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
