package org.tol.io.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;

/**
 * Maps tol's {@link Column} model to Parquet and back. Lists use the standard 3-level LIST encoding
 * ({@code optional group x (LIST) { repeated group list { optional T element } }}), which pyarrow, Spark
 * and DuckDB write and read; reading also accepts the legacy 2-level forms other writers produce.
 */
public final class Schemas {
    private Schemas() {}

    public static MessageType toParquet(List<Column> columns) {
        List<Type> fields = new ArrayList<>();
        for (Column c : columns) {
            fields.add(toType(c.name(), c.type(), Type.Repetition.OPTIONAL));
        }
        return new MessageType("schema", fields);
    }

    static Type toType(String name, ColumnType type, Type.Repetition rep) {
        if (type instanceof ColumnType.Primitive p) {
            return switch (p) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
                case INT32 -> Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
                case INT64 -> Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
                case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
                case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
            };
        }
        if (type instanceof ColumnType.ListOf l) {
            Type element = toType("element", l.element(), Type.Repetition.OPTIONAL);
            GroupType list = new GroupType(Type.Repetition.REPEATED, "list", element);
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType()).addField(list).named(name);
        }
        ColumnType.StructOf s = (ColumnType.StructOf) type;
        List<Type> fields = new ArrayList<>();
        for (Column f : s.fields()) {
            fields.add(toType(f.name(), f.type(), Type.Repetition.OPTIONAL));
        }
        return new GroupType(rep, name, fields);
    }

    public static List<Column> fromParquet(GroupType schema) {
        List<Column> out = new ArrayList<>();
        for (Type t : schema.getFields()) {
            out.add(new Column(t.getName(), typeOf(t)));
        }
        return out;
    }

    /** The tol type of a Parquet field (a repeated field on its own reads as a list). */
    public static ColumnType typeOf(Type t) {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            return ColumnType.listOf(elementTypeOfRepeated(t));
        }
        if (t.isPrimitive()) {
            return primitive(t.asPrimitiveType());
        }
        GroupType g = t.asGroupType();
        if (isList(g)) {
            return ColumnType.listOf(elementTypeOfRepeated(g.getType(0)));
        }
        return new ColumnType.StructOf(fromParquet(g));
    }

    static boolean isList(GroupType g) {
        return g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                && g.getFieldCount() == 1
                && g.getType(0).isRepetition(Type.Repetition.REPEATED);
    }

    /**
     * The element type behind the repeated level of a list. 3-level: the repeated group has one field (the
     * element). 2-level: the repeated field is itself the element (a primitive, or a group of several
     * fields, or a group named "array"/"*_tuple" per the Parquet backward-compatibility rules).
     */
    static ColumnType elementTypeOfRepeated(Type repeated) {
        if (repeated.isPrimitive()) {
            return primitive(repeated.asPrimitiveType());
        }
        GroupType g = repeated.asGroupType();
        if (isThreeLevel(g)) {
            return typeOfElement(g.getType(0));
        }
        return new ColumnType.StructOf(fromParquet(g));
    }

    static boolean isThreeLevel(GroupType repeatedGroup) {
        String n = repeatedGroup.getName();
        return repeatedGroup.getFieldCount() == 1 && !n.equals("array") && !n.endsWith("_tuple");
    }

    private static ColumnType typeOfElement(Type element) {
        if (element.isPrimitive()) {
            return primitive(element.asPrimitiveType());
        }
        return typeOf(element);
    }

    static ColumnType.Primitive primitive(PrimitiveType p) {
        return switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> ColumnType.Primitive.BOOLEAN;
            case INT32 -> ColumnType.Primitive.INT32;
            case INT64 -> ColumnType.Primitive.INT64;
            case FLOAT -> ColumnType.Primitive.FLOAT;
            case DOUBLE -> ColumnType.Primitive.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> p.getLogicalTypeAnnotation()
                            instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    ? ColumnType.Primitive.STRING
                    : ColumnType.Primitive.BINARY;
            case INT96 -> ColumnType.Primitive.BINARY;
        };
    }
}
