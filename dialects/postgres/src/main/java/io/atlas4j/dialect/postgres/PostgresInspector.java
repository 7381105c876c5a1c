package io.atlas4j.dialect.postgres;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.inspect.SchemaNotFoundException;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.BoolType;
import io.atlas4j.schema.ColumnType.DecimalType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.FloatType;
import io.atlas4j.schema.ColumnType.IntegerType;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.Materialized;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.View;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inspects PostgreSQL (10+) from its catalogs. A realm or a schema costs a fixed number of queries,
 * one per object kind for all selected schemas ({@link PostgresQueries}): schemas, enums, tables with
 * columns, indexes, checks, foreign keys and views, so 7 round trips whatever the number of tables (1
 * when no schema is selected). {@link #queryCount()} counts them.
 *
 * <p>Thread-safe: an inspection keeps its state on the stack.
 */
public final class PostgresInspector implements Inspector {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** {@code 'text'} with an optional cast to a plain type name, as PostgreSQL prints constant defaults. */
    private static final Pattern CAST_STRING = Pattern.compile("'((?:[^']|'')*)'(?:::[\\w .\"\\[\\](),]+)?");

    private final AtomicLong queries = new AtomicLong();

    /** How many catalog queries this inspector has run since it was created. */
    public long queryCount() {
        return queries.get();
    }

    @Override
    public Realm inspectRealm(Connection connection, InspectOptions options) {
        List<SchemaRow> schemas = new ArrayList<>();
        query(connection, "schemas", PostgresQueries.SCHEMAS, null, rs -> {
            String name = rs.getString(1);
            if (options.includesSchema(name)) {
                schemas.add(new SchemaRow(name, rs.getString(2)));
            }
        });
        return new Realm(inspect(connection, schemas, options));
    }

    @Override
    public Schema inspectSchema(Connection connection, String name, InspectOptions options) {
        List<SchemaRow> schemas = new ArrayList<>();
        query(connection, "schema", PostgresQueries.SCHEMA, ps -> ps.setString(1, name == null ? "" : name),
                rs -> schemas.add(new SchemaRow(rs.getString(1), rs.getString(2))));
        if (schemas.isEmpty()) {
            throw new SchemaNotFoundException(name == null || name.isEmpty() ? "(current schema)" : name);
        }
        return inspect(connection, schemas, options).get(0);
    }

    private List<Schema> inspect(Connection connection, List<SchemaRow> schemas, InspectOptions options) {
        if (schemas.isEmpty()) {
            return List.of();
        }
        Map<String, SchemaBuilder> builders = new LinkedHashMap<>();
        for (SchemaRow s : schemas) {
            builders.put(s.name(), new SchemaBuilder(s));
        }
        String[] names = builders.keySet().toArray(String[]::new);
        readEnums(connection, names, builders);
        readColumns(connection, names, builders);
        readIndexes(connection, names, builders);
        readChecks(connection, names, builders);
        readForeignKeys(connection, names, builders);
        readViews(connection, names, builders);
        List<Schema> out = new ArrayList<>(builders.size());
        for (SchemaBuilder b : builders.values()) {
            out.add(b.build(options));
        }
        return out;
    }

    private void readEnums(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "enums", PostgresQueries.ENUMS, ps -> bindSchemas(ps, schemas), rs -> builders.get(rs.getString(1))
                .enums.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3)));
    }

    private void readColumns(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "columns", PostgresQueries.COLUMNS, ps -> bindSchemas(ps, schemas), rs -> {
            TableBuilder t = builders.get(rs.getString(1)).table(rs.getString(2));
            t.comment = rs.getString(3);
            String column = rs.getString(4);
            if (column != null) {
                t.columns.add(column(rs, column));
            }
        });
    }

    private static Column column(ResultSet rs, String name) throws SQLException {
        ColumnType type = columnType(rs.getString(5), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16));
        boolean nullable = !rs.getBoolean(6);
        String defaultText = rs.getString(7);
        String identity = rs.getString(8);
        String generated = rs.getString(9);
        String comment = rs.getString(10);
        List<Attr> attrs = new ArrayList<>();
        Optional<Expr> defaultValue = Optional.empty();
        if ("s".equals(generated) || "v".equals(generated)) {
            attrs.add(new GeneratedExpr(defaultText, "s".equals(generated)));
        } else {
            defaultValue = defaultExpr(defaultText, type);
        }
        if ("a".equals(identity) || "d".equals(identity)) {
            attrs.add(new Identity("a".equals(identity) ? Identity.Generation.ALWAYS : Identity.Generation.BY_DEFAULT,
                    rs.getLong(17), rs.getLong(18)));
        }
        if (comment != null) {
            attrs.add(new Comment(comment));
        }
        return new Column(name, type, nullable, defaultValue, attrs);
    }

    /**
     * The kind of a column type: enums (and arrays of enums) are recognised from the catalog, so they
     * resolve to the right schema whatever the search_path; base types are parsed from
     * {@code format_type()}; other user types (domains, composites, ranges) stay unsupported for now.
     */
    static ColumnType columnType(String formatted, String typtype, String typeSchema, String typeName,
            String elemTyptype, String elemSchema, String elemName) {
        if ("e".equals(typtype)) {
            return new EnumRef(typeSchema, typeName);
        }
        if ("e".equals(elemTyptype)) {
            return new ArrayType(new EnumRef(elemSchema, elemName));
        }
        boolean builtIn = "b".equals(typtype) && (elemTyptype == null || "b".equals(elemTyptype));
        return builtIn ? PostgresTypes.parse(formatted) : new UnsupportedType(formatted);
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
        query(c, "indexes", PostgresQueries.INDEXES, ps -> bindSchemas(ps, schemas), rs -> {
            TableBuilder t = builders.get(rs.getString(1)).tables.get(rs.getString(2));
            if (t == null) {
                return; // a table created between the two queries
            }
            IndexBuilder ix = t.indexes.computeIfAbsent(rs.getString(3), IndexBuilder::new);
            ix.primary = rs.getBoolean(4);
            ix.unique = rs.getBoolean(5);
            ix.constraint = rs.getString(6);
            ix.method = rs.getString(7);
            ix.predicate = rs.getString(8);
            ix.comment = rs.getString(9);
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
            ix.parts.add(new IndexPart(key, desc, attrs));
        });
    }

    private void readChecks(Connection c, String[] schemas, Map<String, SchemaBuilder> builders) {
        query(c, "checks", PostgresQueries.CHECKS, ps -> bindSchemas(ps, schemas), rs -> {
            TableBuilder t = builders.get(rs.getString(1)).tables.get(rs.getString(2));
            if (t != null) {
                t.checks.add(new Check(rs.getString(3), rs.getString(4)));
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
            List<Attr> attrs = new ArrayList<>();
            if ("m".equals(rs.getString(3))) {
                attrs.add(new Materialized());
            }
            String comment = rs.getString(5);
            if (comment != null) {
                attrs.add(new Comment(comment));
            }
            builders.get(rs.getString(1)).views.add(new View(rs.getString(2), viewDefinition(rs.getString(4)), attrs));
        });
    }

    /** {@code pg_get_viewdef} text without its leading blank and trailing semicolon. */
    static String viewDefinition(String text) {
        String s = text == null ? "" : text.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
    }

    private static void bindSchemas(PreparedStatement ps, String[] schemas) throws SQLException {
        Array array = ps.getConnection().createArrayOf("text", schemas);
        ps.setArray(1, array);
    }

    /** Runs one catalog query: the only place this class talks to the server, so it is what is counted. */
    private void query(Connection c, String what, String sql, Binder binder, RowReader reader) {
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

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private record SchemaRow(String name, String comment) {
    }

    private static final class SchemaBuilder {
        final SchemaRow row;
        final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        final Map<String, List<String>> enums = new LinkedHashMap<>();
        final List<View> views = new ArrayList<>();

        SchemaBuilder(SchemaRow row) {
            this.row = row;
        }

        TableBuilder table(String name) {
            return tables.computeIfAbsent(name, TableBuilder::new);
        }

        Schema build(InspectOptions options) {
            List<Table> ts = new ArrayList<>(tables.size());
            for (TableBuilder t : tables.values()) {
                if (options.includesObject(row.name(), t.name)) {
                    ts.add(t.build());
                }
            }
            List<View> vs = views.stream().filter(v -> options.includesObject(row.name(), v.name())).toList();
            List<EnumType> es = enums.entrySet().stream().map(e -> new EnumType(e.getKey(), e.getValue())).toList();
            List<Attr> attrs = row.comment() == null ? List.of() : List.of(new Comment(row.comment()));
            return new Schema(row.name(), ts, vs, es, attrs);
        }
    }

    private static final class TableBuilder {
        final String name;
        String comment;
        final List<Column> columns = new ArrayList<>();
        final Map<String, IndexBuilder> indexes = new LinkedHashMap<>();
        final Map<String, FkBuilder> foreignKeys = new LinkedHashMap<>();
        final List<Check> checks = new ArrayList<>();

        TableBuilder(String name) {
            this.name = name;
        }

        Table build() {
            Optional<PrimaryKey> pk = Optional.empty();
            List<Index> idx = new ArrayList<>();
            for (IndexBuilder ix : indexes.values()) {
                if (ix.primary) {
                    pk = Optional.of(new PrimaryKey(ix.name, ix.parts));
                } else {
                    idx.add(ix.build());
                }
            }
            List<ForeignKey> fks = foreignKeys.values().stream().map(FkBuilder::build).toList();
            List<Attr> attrs = comment == null ? List.of() : List.of(new Comment(comment));
            return new Table(name, columns, pk, idx, fks, checks, attrs);
        }
    }

    private static final class IndexBuilder {
        final String name;
        boolean primary;
        boolean unique;
        String constraint;
        String method;
        String predicate;
        String comment;
        final List<IndexPart> parts = new ArrayList<>();
        final List<String> include = new ArrayList<>();

        IndexBuilder(String name) {
            this.name = name;
        }

        Index build() {
            List<Attr> attrs = new ArrayList<>();
            attrs.add(new IndexType(method));
            if (predicate != null) {
                attrs.add(new IndexPredicate(predicate));
            }
            if (!include.isEmpty()) {
                attrs.add(new IndexInclude(include));
            }
            if ("u".equals(constraint)) {
                attrs.add(new IndexConstraint(IndexConstraint.Kind.UNIQUE));
            } else if ("x".equals(constraint)) {
                attrs.add(new IndexConstraint(IndexConstraint.Kind.EXCLUDE));
            }
            if (comment != null) {
                attrs.add(new Comment(comment));
            }
            return new Index(name, unique, parts, attrs);
        }
    }

    private static final class FkBuilder {
        final String name;
        final List<String> columns = new ArrayList<>();
        final List<String> refColumns = new ArrayList<>();
        String refSchema;
        String refTable;
        ForeignKey.Action onUpdate;
        ForeignKey.Action onDelete;

        FkBuilder(String name) {
            this.name = name;
        }

        ForeignKey build() {
            return new ForeignKey(name, columns, refSchema, refTable, refColumns, onUpdate, onDelete);
        }
    }
}
