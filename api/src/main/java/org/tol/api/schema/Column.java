package org.tol.api.schema;

/** A named, nullable output column. */
public record Column(String name, ColumnType type) {
    public static Column string(String name) {
        return new Column(name, ColumnType.Primitive.STRING);
    }

    public static Column bool(String name) {
        return new Column(name, ColumnType.Primitive.BOOLEAN);
    }

    public static Column int32(String name) {
        return new Column(name, ColumnType.Primitive.INT32);
    }

    public static Column int64(String name) {
        return new Column(name, ColumnType.Primitive.INT64);
    }

    public static Column float32(String name) {
        return new Column(name, ColumnType.Primitive.FLOAT);
    }

    public static Column float64(String name) {
        return new Column(name, ColumnType.Primitive.DOUBLE);
    }

    public static Column binary(String name) {
        return new Column(name, ColumnType.Primitive.BINARY);
    }
}
