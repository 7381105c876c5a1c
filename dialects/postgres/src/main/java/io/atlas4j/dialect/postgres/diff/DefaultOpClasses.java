package io.atlas4j.dialect.postgres.diff;

import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.BinaryType;
import io.atlas4j.schema.ColumnType.BoolType;
import io.atlas4j.schema.ColumnType.DecimalType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.FloatType;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.JsonType;
import io.atlas4j.schema.ColumnType.StringType;
import io.atlas4j.schema.ColumnType.TimeType;
import io.atlas4j.schema.ColumnType.UuidType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's default operator classes per access method and key type (from {@code pg_opclass} where
 * {@code opcdefault}), for the common types. Writing a default class explicitly, or leaving it out, is
 * the same index.
 */
final class DefaultOpClasses {

    /** Types whose default btree and hash classes are {@code <type>_ops}. */
    private static final Set<String> SCALAR = Set.of("int2", "int4", "int8", "text", "bpchar", "float4", "float8",
            "numeric", "bool", "date", "time", "timetz", "timestamp", "timestamptz", "bytea", "uuid", "jsonb", "array",
            "enum");

    /** Types with a BRIN {@code <type>_minmax_ops} default class. */
    private static final Set<String> MINMAX = Set.of("int2", "int4", "int8", "text", "bpchar", "float4", "float8",
            "numeric", "date", "time", "timetz", "timestamp", "timestamptz", "bytea", "uuid");

    private static final Map<String, String> GIN = Map.of("array", "array_ops", "jsonb", "jsonb_ops");

    private DefaultOpClasses() {
    }

    /**
     * Whether {@code opclass} is the default class of {@code method} ({@code btree} when empty) for a key of
     * {@code type}. Unknown types and methods answer false, so the class counts as a change.
     */
    static boolean isDefault(String method, Optional<ColumnType> type, String opclass) {
        Optional<String> key = type.flatMap(DefaultOpClasses::typeKey);
        if (key.isEmpty()) {
            return false;
        }
        String name = opclass.toLowerCase(Locale.ROOT);
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        String k = key.get();
        switch (method.isEmpty() ? "btree" : method.toLowerCase(Locale.ROOT)) {
            case "btree", "hash":
                // varchar_ops is an alias of text_ops for character varying keys.
                return SCALAR.contains(k) && name.equals(k + "_ops") || k.equals("text") && name.equals("varchar_ops");
            case "brin":
                return MINMAX.contains(k) && name.equals(k + "_minmax_ops");
            case "gin":
                return name.equals(GIN.get(k));
            default:
                return false;
        }
    }

    /** The {@code pg_type} name a default class is keyed by, for the types this table covers. */
    static Optional<String> typeKey(ColumnType type) {
        if (type instanceof IntegerType i) {
            return Optional.of(i.bits() <= 16 ? "int2" : i.bits() <= 32 ? "int4" : "int8");
        }
        if (type instanceof SerialType s) {
            return Optional.of(s.bits() == 16 ? "int2" : s.bits() == 32 ? "int4" : "int8");
        }
        if (type instanceof StringType s) {
            return Optional.of(s.kind() == StringType.Kind.CHAR ? "bpchar" : "text");
        }
        if (type instanceof FloatType f) {
            return Optional.of(f.bits() == 32 ? "float4" : "float8");
        }
        if (type instanceof DecimalType) {
            return Optional.of("numeric");
        }
        if (type instanceof BoolType) {
            return Optional.of("bool");
        }
        if (type instanceof TimeType t) {
            return Optional.of(switch (t.kind()) {
                case DATE -> "date";
                case TIME -> "time";
                case TIME_TZ -> "timetz";
                case TIMESTAMP -> "timestamp";
                case TIMESTAMP_TZ -> "timestamptz";
            });
        }
        if (type instanceof BinaryType) {
            return Optional.of("bytea");
        }
        if (type instanceof UuidType) {
            return Optional.of("uuid");
        }
        if (type instanceof JsonType j) {
            return j.binary() ? Optional.of("jsonb") : Optional.empty();
        }
        if (type instanceof ArrayType) {
            return Optional.of("array");
        }
        if (type instanceof EnumRef) {
            return Optional.of("enum");
        }
        return Optional.empty();
    }
}
