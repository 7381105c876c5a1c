package io.atlas4j.dialect.postgres;

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
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UuidType;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL type spellings to {@link ColumnType} and back. {@link #parse} accepts what
 * {@code format_type()} prints and the usual aliases ({@code int4}, {@code varchar(n)},
 * {@code timestamptz}...); {@link #format} prints the canonical {@code format_type()} spelling, which is
 * what type equality compares.
 */
public final class PostgresTypes {

    /** PostgreSQL's default (and maximum) fractional-seconds precision. */
    static final int DEFAULT_TIME_PRECISION = 6;

    private static final Pattern SIZED = Pattern.compile("([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(-?\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\))?");
    private static final Pattern TIME = Pattern.compile(
            "(timestamp|time)\\s*(?:\\(\\s*(\\d+)\\s*\\))?\\s*(with time zone|without time zone)?");
    private static final Pattern TIME_ALIAS = Pattern.compile("(timestamptz|timetz)\\s*(?:\\(\\s*(\\d+)\\s*\\))?");

    private PostgresTypes() {
    }

    /** The kind of {@code raw}; spellings this dialect does not model become {@link UnsupportedType}. */
    public static ColumnType parse(String raw) {
        String t = raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.endsWith("[]")) {
            ColumnType element = parse(t.substring(0, t.indexOf('[')));
            return element instanceof UnsupportedType ? new UnsupportedType(raw.trim()) : new ArrayType(element);
        }
        ColumnType time = parseTime(t);
        if (time != null) {
            return time;
        }
        Matcher m = SIZED.matcher(t);
        if (!m.matches()) {
            return new UnsupportedType(raw.trim());
        }
        String name = m.group(1).trim();
        Integer a = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer b = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        ColumnType type = parseNamed(name, a, b);
        return type == null ? new UnsupportedType(raw.trim()) : type;
    }

    private static ColumnType parseNamed(String name, Integer a, Integer b) {
        boolean bare = a == null;
        switch (name) {
            case "smallint", "int2":
                return bare ? new IntegerType(16, false) : null;
            case "integer", "int", "int4":
                return bare ? new IntegerType(32, false) : null;
            case "bigint", "int8":
                return bare ? new IntegerType(64, false) : null;
            case "numeric", "decimal":
                if (bare) {
                    return new DecimalType(0, 0);
                }
                return a > 0 ? new DecimalType(a, b == null ? 0 : b) : null;
            case "real", "float4":
                return bare ? new FloatType(32) : null;
            case "double precision", "float8":
                return bare ? new FloatType(64) : null;
            case "float":
                // float(p): p <= 24 is real, up to 53 double precision; bare float is double precision.
                if (bare) {
                    return new FloatType(64);
                }
                return b != null || a < 1 || a > 53 ? null : new FloatType(a <= 24 ? 32 : 64);
            case "character varying", "varchar":
                return b != null || !bare && a < 1 ? null : new StringType(StringType.Kind.VARCHAR, bare ? 0 : a);
            case "character", "char", "bpchar":
                return b != null || !bare && a < 1 ? null : new StringType(StringType.Kind.CHAR, bare ? 1 : a);
            case "text":
                return bare ? new StringType(StringType.Kind.TEXT, 0) : null;
            case "boolean", "bool":
                return bare ? new BoolType() : null;
            case "date":
                return bare ? new TimeType(TimeType.Kind.DATE, OptionalInt.empty()) : null;
            case "bytea":
                return bare ? new BinaryType(0) : null;
            case "json":
                return bare ? new JsonType(false) : null;
            case "jsonb":
                return bare ? new JsonType(true) : null;
            case "uuid":
                return bare ? new UuidType() : null;
            default:
                return null;
        }
    }

    private static ColumnType parseTime(String t) {
        Matcher m = TIME.matcher(t);
        boolean tz;
        boolean timestamp;
        String precision;
        if (m.matches()) {
            timestamp = m.group(1).equals("timestamp");
            tz = "with time zone".equals(m.group(3));
            precision = m.group(2);
        } else {
            m = TIME_ALIAS.matcher(t);
            if (!m.matches()) {
                return null;
            }
            timestamp = m.group(1).equals("timestamptz");
            tz = true;
            precision = m.group(2);
        }
        int p = precision == null ? DEFAULT_TIME_PRECISION : Integer.parseInt(precision);
        if (p > DEFAULT_TIME_PRECISION) {
            return null;
        }
        TimeType.Kind kind = timestamp ? (tz ? TimeType.Kind.TIMESTAMP_TZ : TimeType.Kind.TIMESTAMP)
                : (tz ? TimeType.Kind.TIME_TZ : TimeType.Kind.TIME);
        // The default precision is not spelled out, so timestamp(6) and timestamp are one type.
        return new TimeType(kind, p == DEFAULT_TIME_PRECISION ? OptionalInt.empty() : OptionalInt.of(p));
    }

    /**
     * The canonical spelling of {@code type}, as {@code format_type()} prints it (enum references are
     * schema-qualified and quoted where needed).
     *
     * @throws IllegalArgumentException for a type PostgreSQL has no spelling for (e.g. unsigned integers)
     */
    public static String format(ColumnType type) {
        if (type instanceof IntegerType i) {
            if (i.unsigned()) {
                throw new IllegalArgumentException("PostgreSQL has no unsigned integers: " + type);
            }
            return switch (i.bits()) {
                case 8, 16 -> "smallint";
                case 24, 32 -> "integer";
                case 64 -> "bigint";
                default -> throw new IllegalArgumentException("no PostgreSQL integer of " + i.bits() + " bits");
            };
        }
        if (type instanceof DecimalType d) {
            if (d.precision() == 0) {
                return "numeric";
            }
            return "numeric(" + d.precision() + "," + d.scale() + ")";
        }
        if (type instanceof FloatType f) {
            return f.bits() == 32 ? "real" : "double precision";
        }
        if (type instanceof StringType s) {
            return switch (s.kind()) {
                case TEXT -> "text";
                case VARCHAR -> s.size() == 0 ? "character varying" : "character varying(" + s.size() + ")";
                case CHAR -> "character(" + Math.max(1, s.size()) + ")";
            };
        }
        if (type instanceof BoolType) {
            return "boolean";
        }
        if (type instanceof TimeType t) {
            String p = t.precision().isPresent() && t.precision().getAsInt() != DEFAULT_TIME_PRECISION
                    ? "(" + t.precision().getAsInt() + ")" : "";
            return switch (t.kind()) {
                case DATE -> "date";
                case TIME -> "time" + p + " without time zone";
                case TIME_TZ -> "time" + p + " with time zone";
                case TIMESTAMP -> "timestamp" + p + " without time zone";
                case TIMESTAMP_TZ -> "timestamp" + p + " with time zone";
            };
        }
        if (type instanceof BinaryType) {
            return "bytea";
        }
        if (type instanceof JsonType j) {
            return j.binary() ? "jsonb" : "json";
        }
        if (type instanceof UuidType) {
            return "uuid";
        }
        if (type instanceof EnumRef e) {
            return quoteIdent(e.schema()) + "." + quoteIdent(e.name());
        }
        if (type instanceof ArrayType a) {
            return format(a.element()) + "[]";
        }
        return ((UnsupportedType) type).raw();
    }

    /** {@code name} as an SQL identifier: quoted unless it is a plain lower-case name. */
    static String quoteIdent(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*")) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
