package org.tol.stages.lookup;

import java.util.List;
import java.util.Map;

/**
 * One subset of the attributes table that {@code tol lookup build} can select: a preset of the reference, or
 * a user's {@code --where}.
 *
 * @param name            preset name (or {@code where})
 * @param source          which table the rows come from
 * @param multiImages     inner join with the multi-image table on {@code source_id}
 * @param columns         the columns kept from the source (null: all of them)
 * @param where           SQL boolean expression over the source's columns; NULL excludes the row, as in Spark
 * @param sampleFractions per-{@code kingdom} keep fractions of the deterministic sampler (null: no sampling)
 * @param maxPerSourceId  keep only source_ids with at most this many joined rows (null: no limit)
 * @param reference       where the definition comes from
 */
public record LookupGroup(String name, Source source, boolean multiImages, List<String> columns, String where,
        Map<String, Double> sampleFractions, Integer maxPerSourceId, String reference) {
    public enum Source { ATTRIBUTES, CITIZEN_SCIENCE }

    /** A {@code --where} group over all columns of the attributes table. */
    public static LookupGroup where(String sql) {
        return new LookupGroup("where", Source.ATTRIBUTES, false, null, sql, null, null, "--where");
    }

    /** One line for {@code tol lookup groups}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(source == Source.ATTRIBUTES ? "ATTR" : "CITIZEN (--citizen-science)");
        b.append(" WHERE ").append(where == null ? "TRUE" : where);
        if (multiImages) {
            b.append("; JOIN MULTI (--multi-images) USING (source_id)");
        }
        if (maxPerSourceId != null) {
            b.append("; keep source_ids with <= ").append(maxPerSourceId).append(" rows after the INDEX join");
        }
        if (sampleFractions != null) {
            b.append("; sample by kingdom ").append(sampleFractions).append(" (other kingdoms: 0)");
        }
        b.append("; columns ").append(columns == null ? "all" : String.join(", ", columns)).append(" + path");
        return b.toString();
    }
}
