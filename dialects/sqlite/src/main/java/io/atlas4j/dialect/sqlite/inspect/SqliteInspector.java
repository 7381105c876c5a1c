package io.atlas4j.dialect.sqlite.inspect;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.dialect.sqlite.SqliteTypes;
import io.atlas4j.diff.Exprs;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.inspect.InspectOptions;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.inspect.SchemaNotFoundException;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads SQLite's {@code main} database into the model (spec §2.4): tables from {@code sqlite_master} in
 * creation order, then per table its PRAGMAs (columns, indexes, foreign keys) and, for what they do not
 * tell, its CREATE statements; then views and the triggers of tables and views (their parts read from their
 * CREATE statements). In process, so the per-table round-trips cost nothing.
 */
public final class SqliteInspector implements Inspector {

    /** SQLite has one schema we manage: the main database. */
    public static final String MAIN = "main";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern BLOB = Pattern.compile("[xX]'[0-9a-fA-F]*'");

    private final Set<String> internal;

    /** An inspector for user tables only. */
    public SqliteInspector() {
        this(Set.of());
    }

    /**
     * An inspector that also leaves out {@code internal} tables: Atlas4J's own bookkeeping, which Atlas keeps
     * elsewhere (its SQLite lock is a file), so no state shows or diffs it.
     */
    public SqliteInspector(Set<String> internal) {
        this.internal = Set.copyOf(internal);
    }

    @Override
    public Realm inspectRealm(Connection connection, InspectOptions options) {
        if (!options.includesSchema(MAIN)) {
            return new Realm(List.of());
        }
        return new Realm(List.of(inspectSchema(connection, MAIN, options)));
    }

    @Override
    public Schema inspectSchema(Connection connection, String name, InspectOptions options) {
        if (!name.isEmpty() && !name.equals(MAIN)) {
            throw new SchemaNotFoundException(name);
        }
        try {
            Map<String, List<Trigger>> triggers = triggers(connection);
            List<Table> tables = new ArrayList<>();
            for (String[] t : tables(connection)) {
                if (options.includesObject(MAIN, t[0]) && !internal.contains(t[0])) {
                    Table table = table(connection, t[0], t[1]);
                    tables.add(new Table(table.name(), table.columns(), table.primaryKey(), table.indexes(),
                            table.foreignKeys(), table.checks(), table.attrs(), owned(triggers, t[0])));
                }
            }
            List<View> views = new ArrayList<>();
            for (String[] v : objects(connection, "view")) {
                if (options.includesObject(MAIN, v[0])) {
                    views.add(new View(v[0], TriggerDdl.viewQuery(v[1]), viewColumns(connection, v[0]), List.of(),
                            List.of(), owned(triggers, v[0])));
                }
            }
            return new Schema(MAIN, tables, views, List.of(), List.of(), List.of(), List.of());
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.CONNECTION, "inspect: cannot read the SQLite schema: " + e.getMessage(), e);
        }
    }

    /** Name and CREATE statement of every user table, in creation order. */
    private static List<String[]> tables(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'libsql\\_%' ESCAPE '\\' ORDER BY rowid");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /** Name and CREATE statement of every object of {@code type} ({@code view}), in creation order. */
    private static List<String[]> objects(Connection c, String type) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, sql FROM main.sqlite_master WHERE type = ?"
                + " ORDER BY rowid")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    /** The triggers by the (lower-cased) name of the table or view they are on, in creation order. */
    private static Map<String, List<Trigger>> triggers(Connection c) throws SQLException {
        Map<String, List<Trigger>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, tbl_name, sql FROM main.sqlite_master"
                + " WHERE type = 'trigger' ORDER BY rowid");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Trigger t;
                try {
                    t = TriggerDdl.parse(rs.getString(1), rs.getString(3));
                } catch (RuntimeException e) {
                    throw new Atlas4jException(ErrorCode.INTERNAL, "inspect: cannot read trigger \"" + rs.getString(1)
                            + "\": " + e.getMessage(), "report the trigger's CREATE statement as an Atlas4J bug", e);
                }
                out.computeIfAbsent(rs.getString(2).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(t);
            }
        }
        return out;
    }

    private static List<Trigger> owned(Map<String, List<Trigger>> triggers, String owner) {
        return triggers.getOrDefault(owner.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * A view's output columns as SQLite reports them; none when the view no longer compiles (it names a
     * dropped table), which SQLite allows to exist.
     */
    private static List<Column> viewColumns(Connection c, String view) {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid")) {
            s.setString(1, view);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    out.add(new Column(rs.getString(1), SqliteTypes.parse(type == null ? "" : type), rs.getInt(3) == 0,
                            Optional.empty(), List.of()));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return out;
    }

    private static Table table(Connection c, String name, String createSql) throws SQLException {
        TableDdl ddl = TableDdl.parse(createSql);
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, type, \"notnull\", dflt_value, pk, hidden"
                + " FROM pragma_table_xinfo(?) ORDER BY cid")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    int hidden = rs.getInt(6);
                    if (hidden == 1) {
                        continue;
                    }
                    TableDdl.ColumnDdl cd = ddl.columns().get(col);
                    List<Attr> attrs = new ArrayList<>();
                    if (cd != null && cd.autoIncrement()) {
                        attrs.add(new SqliteAttrs.AutoIncrement(0));
                    }
                    if (cd != null && cd.generated().isPresent()) {
                        attrs.add(cd.generated().get());
                    }
                    Optional<Expr> def = Optional.ofNullable(rs.getString(4)).map(SqliteInspector::defaultValue);
                    columns.add(new Column(col, SqliteTypes.parse(rs.getString(2) == null ? "" : rs.getString(2)),
                            rs.getInt(3) == 0, def, attrs));
                    if (rs.getInt(5) > 0) {
                        pk.put(rs.getInt(5), col);
                    }
                }
            }
        }
        List<Attr> attrs = new ArrayList<>();
        if (ddl.withoutRowId()) {
            attrs.add(new SqliteAttrs.WithoutRowId());
        }
        if (ddl.strict()) {
            attrs.add(new SqliteAttrs.Strict());
        }
        Optional<PrimaryKey> primaryKey = pk.isEmpty() ? Optional.empty()
                : Optional.of(new PrimaryKey("", primaryKeyParts(c, name, List.copyOf(pk.values()))));
        return new Table(name, columns, primaryKey, indexes(c, name), foreignKeys(c, name, ddl),
                checks(ddl.checks()), attrs);
    }

    /** The key parts of the primary key; DESC is known only where SQLite keeps a PK index (WITHOUT ROWID). */
    private static List<IndexPart> primaryKeyParts(Connection c, String table, List<String> columns) throws SQLException {
        Set<String> desc = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM pragma_index_list(?) WHERE origin = 'pk'")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    String index = rs.getString(1);
                    try (PreparedStatement x = c.prepareStatement(
                            "SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 AND \"desc\" = 1")) {
                        x.setString(1, index);
                        try (ResultSet r = x.executeQuery()) {
                            while (r.next()) {
                                desc.add(r.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return columns.stream().map(col -> desc.contains(col) ? IndexPart.column(col).descending() : IndexPart.column(col))
                .toList();
    }

    private static List<Index> indexes(Connection c, String table) throws SQLException {
        List<String[]> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT il.name, il.\"unique\", m.sql FROM pragma_index_list(?) il"
                + " LEFT JOIN main.sqlite_master m ON m.type = 'index' AND m.name = il.name"
                + " WHERE il.origin <> 'pk' ORDER BY m.rowid")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        List<Index> out = new ArrayList<>();
        for (String[] i : list) {
            IndexDdl ddl = IndexDdl.parse(i[2]);
            List<IndexPart> parts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, \"desc\" FROM pragma_index_xinfo(?)"
                    + " WHERE key = 1 ORDER BY seqno")) {
                s.setString(1, i[0]);
                try (ResultSet rs = s.executeQuery()) {
                    int n = 0;
                    while (rs.next()) {
                        String col = rs.getString(1);
                        IndexPart part = col != null ? IndexPart.column(col)
                                : IndexPart.expr(n < ddl.parts().size() ? Exprs.unwrap(ddl.parts().get(n)) : "");
                        parts.add(rs.getInt(2) == 1 ? part.descending() : part);
                        n++;
                    }
                }
            }
            List<Attr> attrs = new ArrayList<>();
            ddl.predicate().ifPresent(p -> attrs.add(new IndexPredicate(p)));
            out.add(new Index(i[0], "1".equals(i[1]), parts, attrs));
        }
        return out;
    }

    /**
     * Foreign keys in declaration order (SQLite numbers them backwards). The symbol is the declared
     * constraint name when the CREATE statement has one, else SQLite's numeric id (spec §2.4).
     */
    private static List<ForeignKey> foreignKeys(Connection c, String table, TableDdl ddl) throws SQLException {
        Map<Integer, String[]> head = new TreeMap<>(java.util.Comparator.reverseOrder());
        Map<Integer, List<String[]>> pairs = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
                + " FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    head.putIfAbsent(id, new String[] {rs.getString(2), rs.getString(5), rs.getString(6)});
                    pairs.computeIfAbsent(id, k -> new ArrayList<>()).add(new String[] {rs.getString(3), rs.getString(4)});
                }
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        List<TableDdl.ForeignKeyDdl> declared = new ArrayList<>(ddl.foreignKeys());
        Set<String> used = new HashSet<>();
        for (Map.Entry<Integer, String[]> e : head.entrySet()) {
            String[] h = e.getValue();
            List<String> columns = pairs.get(e.getKey()).stream().map(p -> p[0]).toList();
            List<String> refColumns = pairs.get(e.getKey()).stream().map(p -> p[1]).toList();
            if (refColumns.stream().anyMatch(java.util.Objects::isNull)) {
                // REFERENCES t without columns: the parent's primary key.
                refColumns = parentKey(c, h[0]);
            }
            String name = String.valueOf(e.getKey());
            for (TableDdl.ForeignKeyDdl d : declared) {
                if (!d.name().isEmpty() && d.columns().equals(columns) && d.refTable().equalsIgnoreCase(h[0])
                        && (d.refColumns().isEmpty() || d.refColumns().equals(refColumns)) && used.add(d.name())) {
                    name = d.name();
                    declared.remove(d);
                    break;
                }
            }
            out.add(new ForeignKey(name, columns, MAIN, h[0], refColumns, action(h[1]), action(h[2])));
        }
        return out;
    }

    private static List<String> parentKey(Connection c, String parent) throws SQLException {
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0")) {
            s.setString(1, parent);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pk.put(rs.getInt(2), rs.getString(1));
                }
            }
        }
        return List.copyOf(pk.values());
    }

    private static ForeignKey.Action action(String sql) {
        if (sql == null || sql.isBlank()) {
            return ForeignKey.Action.NO_ACTION;
        }
        return ForeignKey.Action.valueOf(sql.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    /** Checks as declared; duplicate names (invalid in SQLite anyway) keep the first. */
    private static List<Check> checks(List<Check> declared) {
        Set<String> names = new HashSet<>();
        List<Check> out = new ArrayList<>();
        for (Check ch : declared) {
            if (ch.name().isEmpty() || names.add(ch.name())) {
                out.add(ch);
            }
        }
        return out;
    }

    /** Booleans, numbers, quoted strings and blob literals are literals; anything else an expression. */
    static Expr defaultValue(String text) {
        String v = text.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false") || NUMBER.matcher(v).matches() || BLOB.matcher(v).matches()
                || v.length() >= 2 && v.startsWith("'") && v.endsWith("'") || v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return new Expr.Literal(v);
        }
        return new Expr.RawExpr(v);
    }
}
