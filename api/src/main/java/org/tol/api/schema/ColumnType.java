package org.tol.api.schema;

import java.util.List;

/**
 * The types a filter or stage may put in an output column. Kept independent of Parquet so filters need
 * no Parquet dependency; {@code org.tol.io.parquet.Schemas} maps these to Parquet types (LIST columns use
 * the standard 3-level encoding that pyarrow, Spark and DuckDB read).
 *
 * <p>Java values per type: STRING String, BOOLEAN Boolean, INT32 Integer, INT64 Long, FLOAT Float,
 * DOUBLE Double, BINARY byte[], {@link ListOf} java.util.List, {@link StructOf} java.util.Map keyed by
 * field name. A null value writes a null (all columns are optional).
 */
public sealed interface ColumnType {
    enum Primitive implements ColumnType {
        STRING, BOOLEAN, INT32, INT64, FLOAT, DOUBLE, BINARY
    }

    record ListOf(ColumnType element) implements ColumnType {}

    record StructOf(List<Column> fields) implements ColumnType {}

    /** A readable type name: {@code string}, {@code list<int64>}, {@code struct<conf: float, ...>}. */
    static String describe(ColumnType t) {
        if (t instanceof Primitive p) {
            return p.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (t instanceof ListOf l) {
            return "list<" + describe(l.element()) + ">";
        }
        StringBuilder b = new StringBuilder("struct<");
        List<Column> fields = ((StructOf) t).fields();
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(fields.get(i).name()).append(": ").append(describe(fields.get(i).type()));
        }
        return b.append('>').toString();
    }

    static ColumnType listOf(ColumnType element) {
        return new ListOf(element);
    }

    static ColumnType structOf(Column... fields) {
        return new StructOf(List.of(fields));
    }
}
