package org.tol.io.parquet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/** Converts between parquet-java's example {@link Group} records and plain Java values (see ColumnType). */
final class GroupValues {
    private GroupValues() {}

    /** The value of field {@code i} of {@code g}, or null when absent. */
    static Object read(Group g, int i) {
        Type t = g.getType().getType(i);
        int n = g.getFieldRepetitionCount(i);
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            List<Object> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(readRepeatedElement(g, i, k, t));
            }
            return out;
        }
        if (n == 0) {
            return null;
        }
        if (t.isPrimitive()) {
            return primitive(g, i, 0, t.asPrimitiveType());
        }
        GroupType gt = t.asGroupType();
        Group child = g.getGroup(i, 0);
        if (Schemas.isList(gt)) {
            Type rep = gt.getType(0);
            int m = child.getFieldRepetitionCount(0);
            List<Object> out = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                out.add(readRepeatedElement(child, 0, k, rep));
            }
            return out;
        }
        return struct(child);
    }

    private static Object readRepeatedElement(Group g, int i, int k, Type rep) {
        if (rep.isPrimitive()) {
            return primitive(g, i, k, rep.asPrimitiveType());
        }
        Group item = g.getGroup(i, k);
        if (Schemas.isThreeLevel(rep.asGroupType())) {
            return item.getFieldRepetitionCount(0) == 0 ? null : read(item, 0);
        }
        return struct(item);
    }

    private static Map<String, Object> struct(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        GroupType t = g.getType();
        for (int f = 0; f < t.getFieldCount(); f++) {
            m.put(t.getFieldName(f), read(g, f));
        }
        return m;
    }

    private static Object primitive(Group g, int i, int k, PrimitiveType p) {
        return switch (Schemas.primitive(p)) {
            case STRING -> g.getString(i, k);
            case BOOLEAN -> g.getBoolean(i, k);
            case INT32 -> g.getInteger(i, k);
            case INT64 -> g.getLong(i, k);
            case FLOAT -> g.getFloat(i, k);
            case DOUBLE -> g.getDouble(i, k);
            case BINARY -> g.getBinary(i, k).getBytes();
        };
    }

    /** Appends {@code value} as field {@code name} of {@code g}; null writes nothing (a null). */
    static void write(Group g, String name, ColumnType type, Object value) {
        if (value == null) {
            return;
        }
        if (type instanceof ColumnType.Primitive p) {
            switch (p) {
                case STRING -> g.append(name, Binary.fromString(value.toString()));
                case BOOLEAN -> g.append(name, (Boolean) value);
                case INT32 -> g.append(name, ((Number) value).intValue());
                case INT64 -> g.append(name, ((Number) value).longValue());
                case FLOAT -> g.append(name, ((Number) value).floatValue());
                case DOUBLE -> g.append(name, ((Number) value).doubleValue());
                case BINARY -> g.append(name, Binary.fromConstantByteArray((byte[]) value));
            }
            return;
        }
        if (type instanceof ColumnType.ListOf l) {
            Group list = g.addGroup(name);
            for (Object e : asList(name, value)) {
                Group item = list.addGroup("list");
                write(item, "element", l.element(), e);
            }
            return;
        }
        ColumnType.StructOf s = (ColumnType.StructOf) type;
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("column " + name + " is a struct; expected a Map, got "
                    + value.getClass().getSimpleName());
        }
        Group sg = g.addGroup(name);
        for (Column f : s.fields()) {
            write(sg, f.name(), f.type(), m.get(f.name()));
        }
    }

    private static List<?> asList(String name, Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        if (value instanceof float[] a) {
            List<Float> out = new ArrayList<>(a.length);
            for (float v : a) {
                out.add(v);
            }
            return out;
        }
        if (value instanceof long[] a) {
            List<Long> out = new ArrayList<>(a.length);
            for (long v : a) {
                out.add(v);
            }
            return out;
        }
        if (value instanceof double[] a) {
            List<Double> out = new ArrayList<>(a.length);
            for (double v : a) {
                out.add(v);
            }
            return out;
        }
        throw new IllegalArgumentException("column " + name + " is a list; expected a List or primitive array, got "
                + value.getClass().getSimpleName());
    }
}
