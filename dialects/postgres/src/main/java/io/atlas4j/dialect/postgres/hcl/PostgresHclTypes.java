package io.atlas4j.dialect.postgres.hcl;

import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresTypes;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schemahcl.TypeSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL column types between their HCL spelling ({@code character_varying(255)}, {@code timestamptz(3)},
 * {@code enum.status}) and the model; the SQL side goes through {@link PostgresTypes}.
 */
final class PostgresHclTypes {

    /** Interval field forms written as names: {@code day_to_second(3)} is {@code interval day to second(3)}. */
    private static final Set<String> INTERVAL_FIELDS = Set.of("second", "day_to_second", "hour_to_second",
            "minute_to_second", "year", "month", "day", "hour", "minute", "year_to_month", "day_to_hour",
            "day_to_minute", "hour_to_minute");

    /** Every type name Atlas's PostgreSQL HCL accepts besides serials and interval fields. */
    private static final Set<String> KNOWN = Set.of("bit", "bit_varying", "varbit", "varchar", "character_varying",
            "char", "character", "bpchar", "int2", "int4", "int8", "int", "integer", "smallint", "bigint", "text",
            "boolean", "bool", "bytea", "cidr", "inet", "macaddr", "macaddr8", "circle", "line", "lseg", "box", "path",
            "point", "polygon", "date", "time", "timetz", "timestamptz", "timestamp", "time_with_time_zone",
            "time_without_time_zone", "timestamp_with_time_zone", "timestamp_without_time_zone", "double_precision",
            "real", "float", "float8", "float4", "numeric", "decimal", "xml", "json", "jsonb", "uuid", "money",
            "tsvector", "tsquery", "int4range", "int4multirange", "int8range", "int8multirange", "numrange",
            "nummultirange", "tsrange", "tsmultirange", "tstzrange", "tstzmultirange", "daterange", "datemultirange",
            "hstore", "xid", "xid8", "interval", "oid", "regclass", "regproc", "regprocedure", "regoper",
            "regoperator", "regtype", "regconfig", "regdictionary", "regnamespace", "regrole", "regcollation", "name",
            "record", "trigger", "event_trigger", "void", "anyelement", "anyarray", "anynonarray", "anyenum",
            "anyrange", "anymultirange", "anycompatible", "anycompatiblearray", "cstring", "internal",
            "language_handler", "fdw_handler", "table_am_handler", "index_am_handler", "tsm_handler", "pg_lsn",
            "pg_snapshot", "txid_snapshot", "tid", "cid");

    /** Known names whose underscore is part of the SQL name, not a space. */
    private static final Set<String> REAL_UNDERSCORES = Set.of("event_trigger", "language_handler", "fdw_handler",
            "table_am_handler", "index_am_handler", "tsm_handler", "pg_lsn", "pg_snapshot", "txid_snapshot");

    /** Names {@link PostgresTypes} models: an unsupported result for them means bad arguments. */
    private static final Set<String> MODELED = Set.of("varchar", "character_varying", "char", "character", "int2",
            "int4", "int8", "int", "integer", "smallint", "bigint", "text", "boolean", "bool", "bytea", "date", "time",
            "timetz", "timestamptz", "timestamp", "double_precision", "real", "float", "float8", "float4", "numeric",
            "decimal", "json", "jsonb", "uuid");

    private static final Pattern SIMPLE = Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\((\\d+)(?:,\\s*(-?\\d+))?\\))?");
    private static final Pattern TIME = Pattern.compile("(timestamp|time)(\\(\\d+\\))? (with|without) time zone");
    private static final Pattern INTERVAL = Pattern.compile("interval ([a-z ]+?)(\\((\\d+)\\))?");

    private PostgresHclTypes() {
    }

    static ColumnType parse(TypeSpec spec) {
        if (spec instanceof TypeSpec.Raw r) {
            return PostgresTypes.parse(r.sql());
        }
        if (spec instanceof TypeSpec.Ref r) {
            return switch (r.kind()) {
                case "enum" -> new ColumnType.EnumRef(r.schema(), r.name());
                case "domain", "composite" -> new ColumnType.UserTypeRef(r.schema(), r.name());
                default -> throw new IllegalArgumentException("a " + r.kind() + " is not a PostgreSQL column type");
            };
        }
        TypeSpec.Named n = (TypeSpec.Named) spec;
        String name = n.name().toLowerCase(Locale.ROOT);
        String args = n.args().isEmpty() ? "" : "(" + String.join(",", n.args()) + ")";
        switch (name) {
            case "smallserial", "serial2":
                return serial(16, n);
            case "serial", "serial4":
                return serial(32, n);
            case "bigserial", "serial8":
                return serial(64, n);
            default:
                break;
        }
        if (INTERVAL_FIELDS.contains(name)) {
            return PostgresTypes.parse("interval " + name.replace("_to_", " to ") + args);
        }
        if (!KNOWN.contains(name)) {
            throw new IllegalArgumentException("unknown type \"" + n.name() + "\" for PostgreSQL; use sql(\""
                    + n.name() + args + "\") for a type Atlas4J does not know");
        }
        // An underscore stands for a space (double_precision) except in names that have one (event_trigger).
        String sql = REAL_UNDERSCORES.contains(name) ? name : name.replace('_', ' ');
        if (name.equals("timestamptz") || name.equals("timetz")) {
            sql = name.substring(0, name.length() - 2) + args + " with time zone";
            args = "";
        }
        for (String a : n.args()) {
            if (!a.matches("-?\\d+")) {
                throw new IllegalArgumentException("invalid type " + n.name() + args + ": arguments must be whole numbers");
            }
        }
        ColumnType t = PostgresTypes.parse(sql + args);
        if (t instanceof ColumnType.UnsupportedType && MODELED.contains(name)) {
            // PostgresTypes knows this name, so it rejected the arguments: varchar(0), time(7), int(5).
            throw new IllegalArgumentException("invalid type " + n.name() + args);
        }
        if (t instanceof ColumnType.UnsupportedType u) {
            // A known name PostgresTypes does not model yet (bit, inet, ...): keep the canonical spelling.
            return new ColumnType.UnsupportedType(u.raw().toLowerCase(Locale.ROOT));
        }
        return t;
    }

    private static ColumnType serial(int bits, TypeSpec.Named n) {
        if (!n.args().isEmpty()) {
            throw new IllegalArgumentException("type " + n.name() + " takes no arguments");
        }
        return new SerialType(bits, "");
    }

    static TypeSpec format(ColumnType type, Realm realm) {
        if (type instanceof SerialType s) {
            return new TypeSpec.Named(s.spelling(), List.of());
        }
        if (type instanceof ColumnType.EnumRef e) {
            return new TypeSpec.Ref("enum", e.schema(), e.name());
        }
        if (type instanceof ColumnType.UserTypeRef u) {
            Schema s = realm.schema(u.schema()).orElse(null);
            if (s != null && s.object(Domain.class, u.name()).isPresent()) {
                return new TypeSpec.Ref("domain", u.schema(), u.name());
            }
            if (s != null && s.object(Composite.class, u.name()).isPresent()) {
                return new TypeSpec.Ref("composite", u.schema(), u.name());
            }
            return new TypeSpec.Raw(u.schema().isEmpty() ? u.name() : u.schema() + "." + u.name());
        }
        if (type instanceof ColumnType.ArrayType) {
            return new TypeSpec.Raw(PostgresTypes.format(type));
        }
        String sql = type instanceof ColumnType.UnsupportedType u ? u.raw() : PostgresTypes.format(type);
        return fromSql(sql);
    }

    /** The HCL spelling of an SQL type spelling: a known name, or {@code sql("...")}. */
    static TypeSpec fromSql(String sql) {
        String t = sql.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher time = TIME.matcher(t);
        if (time.matches()) {
            String p = time.group(2) == null ? "" : time.group(2);
            String base = time.group(1) + (time.group(3).equals("with") ? "tz" : "");
            return named(base, p.isEmpty() ? List.of() : List.of(p.substring(1, p.length() - 1)));
        }
        Matcher iv = INTERVAL.matcher(t);
        if (iv.matches() && INTERVAL_FIELDS.contains(iv.group(1).replace(" to ", "_to_"))) {
            return named(iv.group(1).replace(" to ", "_to_"), iv.group(3) == null ? List.of() : List.of(iv.group(3)));
        }
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            String name = m.group(1).trim().replace(' ', '_');
            if (KNOWN.contains(name) || List.of("smallserial", "serial", "bigserial").contains(name)) {
                List<String> args = m.group(2) == null ? List.of()
                        : m.group(3) == null ? List.of(m.group(2)) : List.of(m.group(2), m.group(3));
                return named(name, args);
            }
        }
        return new TypeSpec.Raw(sql);
    }

    private static TypeSpec named(String name, List<String> args) {
        return new TypeSpec.Named(name, args);
    }
}
