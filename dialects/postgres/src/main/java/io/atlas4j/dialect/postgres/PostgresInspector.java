package io.atlas4j.dialect.postgres;

import io.atlas4j.dialect.postgres.PostgresAttrs.Deferrable;
import io.atlas4j.dialect.postgres.PostgresAttrs.ExcludeOperator;
import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.NoInherit;
import io.atlas4j.dialect.postgres.PostgresAttrs.OpClass;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.dialect.postgres.PostgresAttrs.RowSecurity;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresInspectModel.FkBuilder;
import io.atlas4j.dialect.postgres.PostgresInspectModel.IndexBuilder;
import io.atlas4j.dialect.postgres.PostgresInspectModel.SchemaBuilder;
import io.atlas4j.dialect.postgres.PostgresInspectModel.TableBuilder;
import io.atlas4j.dialect.postgres.PostgresInspectModel.ViewBuilder;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.inspect.SchemaNotFoundException;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.BoolType;
import io.atlas4j.schema.ColumnType.DecimalType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.FloatType;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inspects PostgreSQL (11+) from its catalogs. A realm or a schema costs a fixed number of queries,
 * one per object kind for all selected schemas at once ({@link PostgresQueries}), whatever the number
 * of tables: schemas, enums, tables and views with their columns, indexes, checks, foreign keys, view
 * definitions, sequences, routines (functions, procedures, aggregates), domains and composite types,
 * triggers and policies: {@value #SCHEMA_QUERIES} round trips for a schema. A realm adds extensions and
 * event triggers, and empties the session's search_path while it reads (one statement to save and
 * clear it, one to restore it) so every reference comes back schema-qualified:
 * {@value #REALM_QUERIES} round trips (1 when no schema is selected). {@link #queryCount()} counts
 * them. Objects that belong to an extension are left out.
 *
 * <p>Thread-safe: an inspection keeps its state on the stack.
 */
public final class PostgresInspector implements Inspector {

    /** Round trips of {@link #inspectSchema}. */
    public static final int SCHEMA_QUERIES = 12;
    /** Round trips of {@link #inspectRealm} when at least one schema is selected. */
    public static final int REALM_QUERIES = 16;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** {@code 'text'} with an optional cast to a plain type name, as PostgreSQL prints constant defaults. */
    private static final Pattern CAST_STRING = Pattern.compile("'((?:[^']|'')*)'(?:::[\\w .\"\\[\\](),]+)?");
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('(.+)'::regclass\\)");

    private final AtomicLong queries = new AtomicLong();

    /** How many catalog queries this inspector has run since it was created. */
    public long queryCount() {
        return queries.get();
    }

    @Override
    public Realm inspectRealm(Connection connection, InspectOptions options) {
        List<SchemaBuilder> schemas = new ArrayList<>();
        query(connection, "schemas", PostgresQueries.SCHEMAS, null, rs -> {
            String name = rs.getString(1);
            if (options.includesSchema(name)) {
                schemas.add(new SchemaBuilder(name, rs.getString(2)));
            }
        });
        if (schemas.isEmpty()) {
            return new Realm(List.of());
        }
        String searchPath = clearSearchPath(connection);
        try {
            List<Schema> built = inspect(connection, schemas, options);
            PostgresInspectObjects objects = new PostgresInspectObjects(catalog(connection));
            return new Realm(built, objects.realmObjects(options));
        } finally {
            restoreSearchPath(connection, searchPath);
        }
    }

    /**
     * Empties the session's search_path for a realm inspection, so that {@code format_type} and
     * {@code pg_get_expr} qualify every reference to a user schema (only pg_catalog stays implicit)
     * and a realm reads the same whatever the session's path. Answers the previous path.
     */
    private String clearSearchPath(Connection connection) {
        String[] previous = new String[1];
        // The target list is evaluated left to right: the old value is read before it is replaced.
        query(connection, "search_path", "SELECT pg_catalog.current_setting('search_path'),"
                + " pg_catalog.set_config('search_path', '', false)", null, rs -> previous[0] = rs.getString(1));
        return previous[0];
    }

    private void restoreSearchPath(Connection connection, String searchPath) {
        try {
            query(connection, "search_path", "SELECT pg_catalog.set_config('search_path', ?, false)",
                    ps -> ps.setString(1, searchPath), rs -> { });
        } catch (Atlas4jException e) {
            // Only an aborted transaction refuses this, and its rollback restores the path anyway.
        }
    }

    @Override
    public Schema inspectSchema(Connection connection, String name, InspectOptions options) {
        List<SchemaBuilder> schemas = new ArrayList<>();
        query(connection, "schema", PostgresQueries.SCHEMA, ps -> ps.setString(1, name == null ? "" : name),
                rs -> schemas.add(new SchemaBuilder(rs.getString(1), rs.getString(2))));
        if (schemas.isEmpty()) {
            throw new SchemaNotFoundException(name == null || name.isEmpty() ? "(current schema)" : name);
        }
        return inspect(connection, schemas, options).get(0);
    }

    private List<Schema> inspect(Connection connection, List<SchemaBuilder> schemas, InspectOptions options) {
        Map<String, SchemaBuilder> builders = new LinkedHashMap<>();
        for (SchemaBuilder s : schemas) {
            builders.put(s.name, s);
        }
        String[] names = builders.keySet().toArray(String[]::new);
        readEnums(connection, names, builders);
        readColumns(connection, names, builders);
        readIndexes(connection, names, builders);
        readChecks(connection, names, builders);
        readForeignKeys(connection, names, builders);
        readViews(connection, names, builders);
        new PostgresInspectObjects(catalog(connection)).read(names, builders, sqlBodies(connection));
        List<Schema> out = new ArrayList<>(builders.size());
        for (SchemaBuilder b : builders.values()) {
            out.add(b.build(options));
        }
        return out;
    }

    /** Whether the server has SQL-standard routine bodies (14+); the driver knows without a round trip. */
    private static boolean sqlBodies(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseMajorVersion() >= 14;
        } catch (SQLException e) {
            return false;
        }
    }

    private PostgresInspectObjects.Catalog catalog(Connection connection) {
        return (what, sql, binder, reader) -> query(connection, what, sql, binder, reader);
    }

    private void readEnums(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        Map<String, Map<String, List<String>>> labels = new LinkedHashMap<>();
        query(c, "enums", PostgresQueries.ENUMS, ps -> bindSchemas(ps, schemas), rs -> labels
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3)));
        labels.forEach((schema, enums) -> enums.forEach((name, values) ->
                builders.get(schema).objects.add(new EnumType(name, values))));
    }

    private void readColumns(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "columns", PostgresQueries.COLUMNS, ps -> bindSchemas(ps, schemas), rs -> {
            SchemaBuilder schema = builders.get(rs.getString(1));
            String relation = rs.getString(2);
            String kind = rs.getString(3);
            String column = rs.getString(5);
            if ("v".equals(kind) || "m".equals(kind)) {
                if (column != null) {
                    schema.view(relation).columns.add(column(rs, relation, column, schema));
                }
                return;
            }
            boolean fresh = !schema.tables.containsKey(relation);
            TableBuilder t = schema.table(relation);
            if (fresh) {
                tableAttrs(rs, t.attrs);
            }
            if (column != null) {
                t.columns.add(column(rs, relation, column, schema));
            }
        });
    }

    private static void tableAttrs(ResultSet rs, List<Attr> attrs) throws SQLException {
        String comment = rs.getString(4);
        if (comment != null) {
            attrs.add(new Comment(comment));
        }
        String partition = rs.getString(24);
        if (partition != null) {
            attrs.add(partition(partition));
        }
        boolean enabled = rs.getBoolean(22);
        boolean forced = rs.getBoolean(23);
        if (enabled || forced) {
            attrs.add(new RowSecurity(enabled, forced));
        }
    }

    /**
     * The partition key as {@code pg_get_partkeydef} prints it ({@code RANGE (a, lower(b))}): plain
     * column names are columns, anything else an expression.
     */
    static Partition partition(String def) {
        int open = def.indexOf('(');
        Partition.Strategy strategy = Partition.Strategy.valueOf(def.substring(0, open).trim().toUpperCase(Locale.ROOT));
        String inner = def.substring(open + 1, def.lastIndexOf(')'));
        List<PartitionKey> keys = new ArrayList<>();
        for (String part : PostgresInspectObjects.splitTopLevel(inner)) {
            String p = part.strip();
            if (p.matches("[a-z_][a-z0-9_$]*")) {
                keys.add(new PartitionKey(Optional.of(p), Optional.empty()));
            } else if (p.matches("\"(?:[^\"]|\"\")+\"")) {
                keys.add(new PartitionKey(Optional.of(p.substring(1, p.length() - 1).replace("\"\"", "\"")), Optional.empty()));
            } else {
                keys.add(new PartitionKey(Optional.empty(), Optional.of(p)));
            }
        }
        return new Partition(strategy, keys);
    }

    private static Column column(ResultSet rs, String table, String name, SchemaBuilder schema) throws SQLException {
        ColumnType type = columnType(rs.getString(6), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17));
        boolean nullable = !rs.getBoolean(7);
        String defaultText = rs.getString(8);
        String identity = rs.getString(9);
        String generated = rs.getString(10);
        String comment = rs.getString(11);
        String collation = rs.getString(20);
        String ownedSequence = rs.getString(21);
        List<Attr> attrs = new ArrayList<>();
        Optional<Expr> defaultValue = Optional.empty();
        if ("s".equals(generated) || "v".equals(generated)) {
            attrs.add(new GeneratedExpr(defaultText, "s".equals(generated)));
        } else if (isSerial(table, name, type, defaultText, ownedSequence)) {
            type = new SerialType(((IntegerType) type).bits(), "");
            schema.serialSequences.add(ownedSequence);
        } else {
            defaultValue = defaultExpr(defaultText, type);
        }
        if ("a".equals(identity) || "d".equals(identity)) {
            attrs.add(new Identity("a".equals(identity) ? Identity.Generation.ALWAYS : Identity.Generation.BY_DEFAULT,
                    rs.getLong(18), rs.getLong(19)));
        }
        if (collation != null) {
            attrs.add(new Collation(collation));
        }
        if (comment != null) {
            attrs.add(new Comment(comment));
        }
        return new Column(name, type, nullable, defaultValue, attrs);
    }

    /**
     * Whether a column is what {@code serial} makes: an integer column whose default is the next value
     * of the sequence it owns, named {@code <table>_<column>_seq} as PostgreSQL names it. A sequence
     * named otherwise stays a sequence of its own, so the column keeps its {@code nextval} default.
     */
    static boolean isSerial(String table, String column, ColumnType type, String defaultText, String ownedSequence) {
        if (!(type instanceof IntegerType i) || i.bits() < 16 || defaultText == null || ownedSequence == null
                || !ownedSequence.equals(table + "_" + column + "_seq")) {
            return false;
        }
        Matcher m = NEXTVAL.matcher(defaultText);
        if (!m.matches()) {
            return false;
        }
        String ref = m.group(1).replace("''", "'");
        String last = ref.substring(ref.lastIndexOf('.') + 1);
        if (last.startsWith("\"")) {
            // A quoted name: the dot search above may have cut inside the quotes.
            int open = ref.lastIndexOf("\"", ref.length() - 2);
            last = ref.substring(open + 1, ref.length() - 1).replace("\"\"", "\"");
        } else {
            last = last.endsWith("\"") ? last.substring(0, last.length() - 1) : last;
        }
        return last.equals(ownedSequence);
    }

    /**
     * The kind of a column type from the catalog: enums, domains, composites and user ranges (and
     * arrays of them) are references resolved to their schema whatever the search_path; types of
     * PostgreSQL itself are parsed from {@code format_type()}; base types of extensions keep their
     * spelling.
     */
    static ColumnType columnType(String formatted, String typtype, String typeSchema, String typeName,
            String elemTyptype, String elemSchema, String elemName) {
        if (elemTyptype != null && !elemTyptype.isEmpty()) {
            ColumnType element = userType(elemTyptype, elemSchema, elemName);
            if (element != null) {
                return new ArrayType(element);
            }
        }
        ColumnType user = userType(typtype, typeSchema, typeName);
        if (user != null) {
            return user;
        }
        if ("pg_catalog".equals(typeSchema)) {
            return PostgresTypes.parse(formatted);
        }
        return new UnsupportedType(formatted);
    }

    private static ColumnType userType(String typtype, String schema, String name) {
        if ("e".equals(typtype)) {
            return new EnumRef(schema, name);
        }
        boolean user = "d".equals(typtype) || "c".equals(typtype)
                || ("r".equals(typtype) || "m".equals(typtype)) && !"pg_catalog".equals(schema);
        return user ? new UserTypeRef(schema, name) : null;
    }

    /** A type list entry of {@link PostgresQueries#typeRow}. */
    static ColumnType typeRow(String row) {
        String[] f = row.split("\u001f", -1);
        return columnType(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }

    /**
     * A default as the model keeps it: numbers, booleans and quoted strings (with PostgreSQL's cast
     * stripped, e.g. {@code 'a'::character varying}) are literals, anything else a raw expression.
     */
    static Optional<Expr> defaultExpr(String text, ColumnType type) {
        if (text == null) {
            return Optional.empty();
        }
        if (NUMBER.matcher(text).matches() || text.equals("true") || text.equals("false")) {
            return Optional.of(new Expr.Literal(text));
        }
        Matcher m = CAST_STRING.matcher(text);
        if (m.matches()) {
            String value = m.group(1);
            boolean numeric = type instanceof IntegerType || type instanceof DecimalType || type instanceof FloatType;
            if (numeric && NUMBER.matcher(value).matches()
                    || type instanceof BoolType && (value.equals("true") || value.equals("false"))) {
                return Optional.of(new Expr.Literal(value));
            }
            return Optional.of(new Expr.Literal("'" + value + "'"));
        }
        return Optional.of(new Expr.RawExpr(text));
    }

    private void readIndexes(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "indexes", PostgresQueries.indexes(serverMajor(c) >= 15), ps -> bindSchemas(ps, schemas), rs -> {
            SchemaBuilder schema = builders.get(rs.getString(1));
            String relation = rs.getString(2);
            Map<String, IndexBuilder> owner;
            if (schema.tables.containsKey(relation)) {
                owner = schema.tables.get(relation).indexes;
            } else if (schema.views.containsKey(relation)) {
                owner = schema.views.get(relation).indexes;
            } else {
                return; // a relation created between two queries
            }
            IndexBuilder ix = owner.computeIfAbsent(rs.getString(3), IndexBuilder::new);
            ix.primary = rs.getBoolean(4);
            ix.unique = rs.getBoolean(5);
            ix.constraint = rs.getString(6);
            ix.method = rs.getString(7);
            ix.predicate = rs.getString(8);
            ix.comment = rs.getString(9);
            ix.nullsNotDistinct = rs.getBoolean(20);
            ix.storage = storageParams(strings(rs.getArray(21)));
            boolean included = rs.getBoolean(11);
            String column = rs.getString(12);
            if (included) {
                ix.include.add(column);
                return;
            }
            IndexPart.Key key = column != null ? new IndexPart.ColumnKey(column) : new IndexPart.ExprKey(rs.getString(13));
            boolean desc = rs.getBoolean(14);
            boolean nullsFirst = rs.getBoolean(15);
            List<Attr> attrs = new ArrayList<>();
            // NULLS LAST is the default of ASC, NULLS FIRST of DESC: only the other one is recorded.
            if (nullsFirst != desc) {
                attrs.add(new NullsOrder(nullsFirst));
            }
            String opclass = rs.getString(16);
            List<String> opclassParams = strings(rs.getArray(19));
            // A default operator class is implied, unless it carries parameters (tsvector_ops(siglen=32)).
            if (opclass != null && (!rs.getBoolean(18) || !opclassParams.isEmpty())) {
                String opSchema = rs.getString(17);
                String qualified = "pg_catalog".equals(opSchema) || "public".equals(opSchema) || opSchema.equals(schema.name)
                        ? opclass : opSchema + "." + opclass;
                attrs.add(new OpClass(qualified, opclassParams));
            }
            String operator = rs.getString(22);
            if (operator != null) {
                attrs.add(new ExcludeOperator(operator));
            }
            ix.parts.add(new IndexPart(key, desc, attrs));
        });
    }

    /**
     * BRIN's {@code autosummarize} and {@code pages_per_range} from an index's reloptions, when one is
     * set; other access methods' options are not modelled.
     */
    static Attr storageParams(List<String> reloptions) {
        boolean autosummarize = false;
        int pages = 128;
        boolean any = false;
        for (String option : reloptions) {
            int eq = option.indexOf('=');
            String key = option.substring(0, eq);
            String value = option.substring(eq + 1);
            if (key.equals("autosummarize")) {
                autosummarize = value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true");
                any = true;
            } else if (key.equals("pages_per_range")) {
                pages = Integer.parseInt(value);
                any = true;
            }
        }
        return any ? new IndexStorageParams(autosummarize, pages) : null;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    private void readChecks(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "checks", PostgresQueries.CHECKS, ps -> bindSchemas(ps, schemas), rs -> {
            TableBuilder t = builders.get(rs.getString(1)).tables.get(rs.getString(2));
            if (t != null) {
                List<Attr> attrs = rs.getBoolean(5) ? List.of(new NoInherit()) : List.of();
                t.checks.add(new Check(rs.getString(3), rs.getString(4), attrs));
            }
        });
    }

    private void readForeignKeys(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "foreign keys", PostgresQueries.FOREIGN_KEYS, ps -> bindSchemas(ps, schemas), rs -> {
            TableBuilder t = builders.get(rs.getString(1)).tables.get(rs.getString(2));
            if (t == null) {
                return;
            }
            FkBuilder fk = t.foreignKeys.computeIfAbsent(rs.getString(3), FkBuilder::new);
            fk.columns.add(rs.getString(5));
            fk.refSchema = rs.getString(6);
            fk.refTable = rs.getString(7);
            fk.refColumns.add(rs.getString(8));
            fk.onUpdate = action(rs.getString(9));
            fk.onDelete = action(rs.getString(10));
            if (rs.getBoolean(11) && fk.attrs.isEmpty()) {
                fk.attrs.add(new Deferrable(rs.getBoolean(12)));
            }
        });
    }

    /** {@code confupdtype}/{@code confdeltype} letters. */
    static ForeignKey.Action action(String code) {
        return switch (code) {
            case "a" -> ForeignKey.Action.NO_ACTION;
            case "r" -> ForeignKey.Action.RESTRICT;
            case "c" -> ForeignKey.Action.CASCADE;
            case "n" -> ForeignKey.Action.SET_NULL;
            case "d" -> ForeignKey.Action.SET_DEFAULT;
            default -> throw new IllegalStateException("unknown foreign key action code " + code);
        };
    }

    private void readViews(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "views", PostgresQueries.VIEWS, ps -> bindSchemas(ps, schemas), rs -> {
            ViewBuilder v = builders.get(rs.getString(1)).view(rs.getString(2));
            v.definition = viewDefinition(rs.getString(4));
            if ("m".equals(rs.getString(3))) {
                v.attrs.add(new Materialized());
            }
            String comment = rs.getString(5);
            if (comment != null) {
                v.attrs.add(new Comment(comment));
            }
            String checkOption = rs.getString(6);
            if (checkOption != null) {
                v.attrs.add(new PostgresAttrs.CheckOption(checkOption.equalsIgnoreCase("cascaded")));
            }
        });
    }

    /** {@code pg_get_viewdef} text without its leading blank and trailing semicolon. */
    static String viewDefinition(String text) {
        String s = text == null ? "" : text.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
    }

    static void bindSchemas(PreparedStatement ps, String[] schemas) throws SQLException {
        Array array = ps.getConnection().createArrayOf("text", schemas);
        ps.setArray(1, array);
    }

    /** The server's major version, from the connection's start-up parameters (no round trip). */
    static int serverMajor(Connection c) {
        try {
            return c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION, "inspect: cannot read the server version: " + e.getMessage(), e);
        }
    }

    /** Runs one catalog query: the only place this class talks to the server, so it is what is counted. */
    private void query(Connection c, String what, String sql, PostgresInspectObjects.Binder binder,
            PostgresInspectObjects.RowReader reader) {
        queries.incrementAndGet();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (binder != null) {
                binder.bind(ps);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION, "inspect: reading " + what + " failed: " + e.getMessage(),
                    "check that the user may read the PostgreSQL catalogs", e);
        }
    }
}
