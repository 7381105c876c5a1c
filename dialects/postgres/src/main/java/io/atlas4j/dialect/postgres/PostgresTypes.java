package io.atlas4j.dialect.postgres;

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
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.ColumnType.UuidType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL type spellings to {@link ColumnType} and back. {@link #parse} accepts what
 * {@code format_type()} prints, the catalog names ({@code int4}, {@code _int4}, {@code timestamptz}...)
 * and the usual aliases ({@code varchar(n)}, {@code serial4}...); {@link #format} prints the canonical
 * {@code format_type()} spelling, which is what type equality compares.
 *
 * <p>Built-in types the neutral model has no kind for (intervals, bit strings, network, geometric,
 * range, text-search, OID and pseudo types...) parse to an {@link UnsupportedType} holding their
 * canonical spelling, so two spellings of one type still compare equal. Schema-qualified names that
 * are not built-in are {@link UserTypeRef}s; bare unknown names stay {@link UnsupportedType}s with
 * the spelling given, as the schema they live in is unknown.
 */
public final class PostgresTypes {

    /** PostgreSQL's default (and maximum) fractional-seconds precision. */
    static final int DEFAULT_TIME_PRECISION = 6;

    private static final Pattern SIZED = Pattern.compile("([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(-?\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\))?");
    private static final Pattern TIME = Pattern.compile(
            "(timestamp|time)\\s*(?:\\(\\s*(\\d+)\\s*\\))?\\s*(with time zone|without time zone)?");
    private static final Pattern TIME_ALIAS = Pattern.compile("(timestamptz|timetz)\\s*(?:\\(\\s*(\\d+)\\s*\\))?");
    private static final Pattern INTERVAL = Pattern.compile(
            "interval(?:\\s+(year|month|day|hour|minute|second|year to month|day to hour|day to minute|day to second"
                    + "|hour to minute|hour to second|minute to second))?\\s*(?:\\(\\s*(\\d+)\\s*\\))?");
    /** A possibly quoted identifier. */
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern QUALIFIED = Pattern.compile("(" + IDENT + ")\\s*\\.\\s*(" + IDENT + ")");

    /**
     * Built-in types without a neutral kind, by every spelling, to their canonical spelling: network,
     * money, geometric, text search, ranges, XML, OID and internal types, and the pseudo types routine
     * signatures use.
     */
    private static final Map<String, String> NAMED = named();

    private PostgresTypes() {
    }

    private static Map<String, String> named() {
        Map<String, String> m = new HashMap<>();
        for (String n : List.of("money", "cidr", "inet", "macaddr", "macaddr8", "tsvector", "tsquery", "xml", "point",
                "line", "lseg", "box", "path", "polygon", "circle", "oid", "regclass", "regproc", "regprocedure",
                "regoper", "regoperator", "regtype", "regconfig", "regdictionary", "regnamespace", "regrole",
                "regcollation", "xid", "xid8", "cid", "tid", "pg_lsn", "pg_snapshot", "txid_snapshot", "name",
                "int2vector", "oidvector", "aclitem", "refcursor", "jsonpath", "pg_node_tree",
                "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
                "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
                "record", "trigger", "event_trigger", "void", "any", "anyelement", "anyarray", "anynonarray",
                "anyenum", "anyrange", "anymultirange", "anycompatible", "anycompatiblearray",
                "anycompatiblenonarray", "anycompatiblerange", "anycompatiblemultirange", "internal", "cstring",
                "language_handler", "fdw_handler", "index_am_handler", "tsm_handler", "table_am_handler", "unknown")) {
            m.put(n, n);
        }
        m.put("\"char\"", "\"char\"");
        return Map.copyOf(m);
    }

    /** The kind of {@code raw}; spellings this dialect does not model become {@link UnsupportedType}. */
    public static ColumnType parse(String raw) {
        // Inspecting a realm parses the same few spellings for every column: remember them (the results
        // are immutable values); the cap keeps odd inputs from growing the map without bound.
        ColumnType known = PARSED.get(raw);
        if (known != null) {
            return known;
        }
        ColumnType parsed = parseUncached(raw);
        if (PARSED.size() < PARSED_CAP) {
            PARSED.put(raw, parsed);
        }
        return parsed;
    }

    private static final int PARSED_CAP = 4096;
    private static final java.util.concurrent.ConcurrentMap<String, ColumnType> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static ColumnType parseUncached(String raw) {
        String trimmed = raw.trim();
        String t = trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.endsWith("]") && t.indexOf('[') > 0) {
            return new ArrayType(parse(trimmed.substring(0, trimmed.indexOf('['))));
        }
        if (t.endsWith(" array")) {
            return new ArrayType(parse(trimmed.substring(0, trimmed.length() - " array".length())));
        }
        if (t.length() > 1 && t.charAt(0) == '_') {
            // The catalog names an array type after its element with a leading underscore (_int4).
            ColumnType element = parse(trimmed.substring(1));
            if (builtIn(element)) {
                return new ArrayType(element);
            }
        }
        ColumnType known = parseBuiltIn(t);
        if (known == null && t.indexOf('_') > 0) {
            // HCL spells multi-word types with underscores (double_precision, bit_varying).
            known = parseBuiltIn(t.replace('_', ' '));
        }
        if (known != null) {
            return known;
        }
        Matcher q = QUALIFIED.matcher(trimmed);
        if (q.matches()) {
            return new UserTypeRef(unquote(q.group(1)), unquote(q.group(2)));
        }
        return new UnsupportedType(trimmed);
    }

    /** Whether {@code type} is a type of PostgreSQL itself (not user-defined, not unknown). */
    private static boolean builtIn(ColumnType type) {
        if (type instanceof UnsupportedType u) {
            return NAMED.containsValue(u.raw()) || u.raw().startsWith("interval") || u.raw().startsWith("bit");
        }
        return !(type instanceof UserTypeRef || type instanceof EnumRef || type instanceof ArrayType
                || type instanceof SerialType);
    }

    private static ColumnType parseBuiltIn(String t) {
        ColumnType time = parseTime(t);
        if (time != null) {
            return time;
        }
        ColumnType interval = parseInterval(t);
        if (interval != null) {
            return interval;
        }
        String named = NAMED.get(t);
        if (named != null) {
            return new UnsupportedType(named);
        }
        Matcher m = SIZED.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String name = m.group(1).trim();
        Integer a = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer b = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return parseNamed(name, a, b);
    }

    private static ColumnType parseInterval(String t) {
        Matcher m = INTERVAL.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String fields = m.group(1);
        Integer p = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        if (p != null && (p > DEFAULT_TIME_PRECISION || fields != null && !fields.endsWith("second"))) {
            return null;
        }
        // As for time types, the default precision 6 is not spelled out: interval(6) is interval.
        String precision = p == null || p == DEFAULT_TIME_PRECISION ? "" : "(" + p + ")";
        return new UnsupportedType("interval" + (fields == null ? "" : " " + fields) + precision);
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
            case "character", "char":
                return b != null || !bare && a < 1 ? null : new StringType(StringType.Kind.CHAR, bare ? 1 : a);
            case "bpchar":
                // A bare bpchar is blank-padded without a length limit, unlike character (which is character(1)).
                if (bare) {
                    return new UnsupportedType("bpchar");
                }
                return b != null || a < 1 ? null : new StringType(StringType.Kind.CHAR, a);
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
            case "smallserial", "serial2":
                return bare ? new SerialType(16, "") : null;
            case "serial", "serial4":
                return bare ? new SerialType(32, "") : null;
            case "bigserial", "serial8":
                return bare ? new SerialType(64, "") : null;
            case "bit":
                return b != null || !bare && a < 1 ? null : new UnsupportedType("bit(" + (bare ? 1 : a) + ")");
            case "bit varying", "varbit":
                return b != null || !bare && a < 1 ? null
                        : new UnsupportedType(bare ? "bit varying" : "bit varying(" + a + ")");
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
                // Atlas's canonical spellings are PostgreSQL's short aliases (engine.md §1.2, E28).
                case TIME -> "time" + p;
                case TIME_TZ -> "timetz" + p;
                case TIMESTAMP -> "timestamp" + p;
                case TIMESTAMP_TZ -> "timestamptz" + p;
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
        if (type instanceof UserTypeRef u) {
            return quoteIdent(u.schema()) + "." + quoteIdent(u.name());
        }
        if (type instanceof ArrayType a) {
            return format(a.element()) + "[]";
        }
        if (type instanceof SerialType s) {
            return s.spelling();
        }
        if (type instanceof UnsupportedType u) {
            return u.raw();
        }
        throw new IllegalArgumentException("not a PostgreSQL type: " + type);
    }

    private static String unquote(String ident) {
        if (ident.startsWith("\"")) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        return ident.toLowerCase(Locale.ROOT);
    }

    /** {@code name} as an SQL identifier: quoted unless it is a plain lower-case name. */
    static String quoteIdent(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*")) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
