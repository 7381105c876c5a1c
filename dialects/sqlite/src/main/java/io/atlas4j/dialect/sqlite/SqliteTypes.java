package io.atlas4j.dialect.sqlite;

import io.atlas4j.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQLite type spelling: declared types lower-cased and kept verbatim, an empty declared type is
 * {@code blob} (spec §1.2); equality by kind, so sizes and integer widths are not changes (§3.6, E33).
 */
public final class SqliteTypes {

    /** The kinds Atlas's SQLite driver maps declared types to; {@link #USER_DEFINED} compares by name. */
    public enum Kind { BOOL, INTEGER, DECIMAL, FLOAT, STRING, BINARY, TIME, JSON, UUID, USER_DEFINED }

    private static final Map<Kind, Set<String>> NAMES = Map.of(
            Kind.BOOL, Set.of("bool", "boolean"),
            Kind.INTEGER, Set.of("int", "integer", "tinyint", "smallint", "mediumint", "bigint", "unsigned big int",
                    "int2", "int8", "uint64"),
            Kind.DECIMAL, Set.of("numeric", "decimal"),
            Kind.FLOAT, Set.of("real", "double", "double precision", "float"),
            Kind.STRING, Set.of("text", "varchar", "varying character", "nchar", "native character", "nvarchar", "clob",
                    "character"),
            Kind.BINARY, Set.of("blob"),
            Kind.TIME, Set.of("date", "datetime", "time", "timestamp"),
            Kind.JSON, Set.of("json"),
            Kind.UUID, Set.of("uuid"));

    private SqliteTypes() {
    }

    /** The kind of a (lower-case) type name. */
    public static Kind kind(String name) {
        for (Map.Entry<Kind, Set<String>> e : NAMES.entrySet()) {
            if (e.getValue().contains(name)) {
                return e.getKey();
            }
        }
        return Kind.USER_DEFINED;
    }

    /** Whether {@code name} is one of the names SQLite's HCL registers (the others print as {@code sql("...")}). */
    public static boolean registered(String name) {
        return kind(name) != Kind.USER_DEFINED;
    }

    /** Parses a declared type: {@code VARCHAR(255)} is {@code varchar} with size 255; empty is {@code blob}. */
    public static SqliteType parse(String spelling) {
        String s = spelling.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return new SqliteType("blob", List.of());
        }
        int open = s.indexOf('(');
        if (open < 0) {
            return new SqliteType(s, List.of());
        }
        int close = s.lastIndexOf(')');
        if (close < open || !s.substring(close + 1).isBlank()) {
            // Not a plain sized type (e.g. "a(1) b"): SQLite accepts it, and so do we, verbatim.
            return new SqliteType(s, List.of());
        }
        String name = s.substring(0, open).trim();
        List<String> args = new ArrayList<>();
        Arrays.stream(s.substring(open + 1, close).split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .forEach(args::add);
        return new SqliteType(name.isEmpty() ? s : name, name.isEmpty() ? List.of() : args);
    }

    /** The spelling in DDL: the name alone, as Atlas's SQLite formatter drops sizes (E27). */
    public static String format(ColumnType type) {
        if (type instanceof SqliteType t) {
            return t.name();
        }
        // Neutral types only reach SQLite from generic code; give them SQLite's usual names.
        if (type instanceof ColumnType.IntegerType i) {
            return i.bits() >= 64 ? "bigint" : "integer";
        }
        if (type instanceof ColumnType.StringType st) {
            return st.kind() == ColumnType.StringType.Kind.TEXT ? "text" : "varchar";
        }
        if (type instanceof ColumnType.BoolType) {
            return "bool";
        }
        if (type instanceof ColumnType.DecimalType) {
            return "decimal";
        }
        if (type instanceof ColumnType.FloatType f) {
            return f.bits() == 32 ? "real" : "double";
        }
        if (type instanceof ColumnType.BinaryType) {
            return "blob";
        }
        if (type instanceof ColumnType.JsonType) {
            return "json";
        }
        if (type instanceof ColumnType.UuidType) {
            return "uuid";
        }
        if (type instanceof ColumnType.TimeType t) {
            return switch (t.kind()) {
                case DATE -> "date";
                case TIME, TIME_TZ -> "time";
                default -> "datetime";
            };
        }
        if (type instanceof ColumnType.UnsupportedType u) {
            return parse(u.raw()).name();
        }
        if (type instanceof ColumnType.UserTypeRef u) {
            return u.name();
        }
        throw new IllegalArgumentException("not a SQLite type: " + type);
    }

    /** The type with its sizes, as written in HCL {@code sql("...")} or an error message. */
    public static String full(SqliteType type) {
        return type.args().isEmpty() ? type.name() : type.name() + "(" + String.join(",", type.args()) + ")";
    }

    /** Whether two types are the same for a diff: same kind, and same name for user-defined types. */
    public static boolean same(ColumnType a, ColumnType b) {
        SqliteType x = a instanceof SqliteType t ? t : parse(format(a));
        SqliteType y = b instanceof SqliteType t ? t : parse(format(b));
        if (x.kind() != y.kind()) {
            return false;
        }
        return x.kind() != Kind.USER_DEFINED || x.name().equals(y.name());
    }
}
