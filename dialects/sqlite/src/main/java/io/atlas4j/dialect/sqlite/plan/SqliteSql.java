package io.atlas4j.dialect.sqlite.plan;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.dialect.sqlite.SqliteTypes;
import io.atlas4j.dialect.sqlite.diff.SqliteDiffRules;
import io.atlas4j.diff.Exprs;
import io.atlas4j.plan.PlanException;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQLite's statement shapes (spec §4.6): backtick-quoted names, optionally prefixed by a qualifier,
 * column definitions, CREATE TABLE and CREATE INDEX.
 */
final class SqliteSql {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Optional<String> qualifier;
    private final String indent;

    /**
     * @param qualifier the schema every name is prefixed with; empty for none (SQLite's default, E107)
     * @param indent the indentation of CREATE TABLE bodies; empty for one line
     */
    SqliteSql(Optional<String> qualifier, String indent) {
        this.qualifier = qualifier.filter(q -> !q.isEmpty());
        this.indent = indent;
    }

    /** {@code name} quoted with backticks. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A table or index name, qualified when the plan has a qualifier. */
    String name(String name) {
        return qualifier.map(q -> quote(q) + ".").orElse("") + quote(name);
    }

    /** {@code `c` <type> NULL|NOT NULL [DEFAULT v] [PRIMARY KEY AUTOINCREMENT | AS (x) [STORED]]}. */
    static String column(Column c, boolean primaryKeyAutoIncrement) {
        StringBuilder b = new StringBuilder(quote(c.name())).append(' ').append(SqliteTypes.format(c.type()));
        b.append(c.nullable() ? " NULL" : " NOT NULL");
        c.defaultValue().ifPresent(d -> b.append(" DEFAULT ").append(defaultValue(d)));
        if (primaryKeyAutoIncrement) {
            b.append(" PRIMARY KEY AUTOINCREMENT");
        }
        c.attr(GeneratedExpr.class).ifPresent(g -> b.append(" AS ").append(Exprs.mayWrap(g.expr()))
                .append(g.stored() ? " STORED" : ""));
        return b.toString();
    }

    /** A default in DDL: literals as written (strings quoted), expressions parenthesised. */
    static String defaultValue(Expr d) {
        if (d instanceof Expr.RawExpr r) {
            return Exprs.mayWrap(r.expr());
        }
        String v = d.sql().trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(v).matches() || lower.equals("true") || lower.equals("false") || v.startsWith("'")
                || v.startsWith("\"") || lower.matches("x'[0-9a-f]*'")) {
            return v;
        }
        return "'" + v.replace("'", "''") + "'";
    }

    /** Whether the table's primary key is its one AUTOINCREMENT column, declared inline (E26, H13). */
    static Optional<String> autoIncrementKey(Table t) {
        Optional<PrimaryKey> pk = t.primaryKey();
        if (pk.isEmpty() || pk.get().parts().size() != 1 || pk.get().columns().size() != 1) {
            return Optional.empty();
        }
        String col = pk.get().columns().get(0);
        return t.column(col).filter(c -> c.attr(SqliteAttrs.AutoIncrement.class).isPresent()).map(Column::name);
    }

    /** {@code CREATE TABLE name (...) [WITHOUT ROWID][, STRICT]} for {@code t}, created under {@code name}. */
    String createTable(Table t, String name) {
        Optional<String> auto = autoIncrementKey(t);
        List<String> elems = new ArrayList<>();
        for (Column c : t.columns()) {
            elems.add(column(c, auto.filter(c.name()::equals).isPresent()));
        }
        if (auto.isEmpty()) {
            t.primaryKey().ifPresent(pk -> elems.add("PRIMARY KEY (" + parts(pk.parts()) + ")"));
        }
        for (ForeignKey fk : t.foreignKeys()) {
            elems.add("CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES "
                    + quote(fk.refTable()) + " (" + names(fk.refColumns()) + ") ON UPDATE " + fk.onUpdate().sql()
                    + " ON DELETE " + fk.onDelete().sql());
        }
        for (Check ck : t.checks()) {
            elems.add((ck.name().isEmpty() ? "" : "CONSTRAINT " + quote(ck.name()) + " ") + "CHECK "
                    + Exprs.mayWrap(ck.expr()));
        }
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(name(name)).append(' ');
        if (indent.isEmpty()) {
            b.append('(').append(String.join(", ", elems)).append(')');
        } else {
            b.append("(\n").append(elems.stream().map(e -> indent + e).collect(Collectors.joining(",\n"))).append("\n)");
        }
        List<String> options = new ArrayList<>();
        if (t.attr(SqliteAttrs.WithoutRowId.class).isPresent()) {
            options.add("WITHOUT ROWID");
        }
        if (t.attr(SqliteAttrs.Strict.class).isPresent()) {
            options.add("STRICT");
        }
        if (!options.isEmpty()) {
            b.append(' ').append(String.join(", ", options));
        }
        return b.toString();
    }

    /** The name an index is created under: auto-indexes get {@code <table>_<cols>} (spec §4.6, E27). */
    static String indexName(String table, Index i) {
        return i.name().startsWith(SqliteDiffRules.AUTOINDEX_PREFIX) && !i.columns().isEmpty()
                ? SqliteDiffRules.normalName(table, i) : i.name();
    }

    /** {@code CREATE [UNIQUE] INDEX `i` ON `t` (...) [WHERE p]}. */
    String createIndex(String table, Index i) {
        StringBuilder b = new StringBuilder("CREATE ").append(i.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(name(indexName(table, i))).append(" ON ").append(quote(table)).append(" (")
                .append(parts(i.parts())).append(')');
        i.attr(IndexPredicate.class).ifPresent(p -> b.append(" WHERE ").append(p.expr()));
        return b.toString();
    }

    /** {@code DROP INDEX `i`}. */
    String dropIndex(String index) {
        return "DROP INDEX " + name(index);
    }

    private static String parts(List<IndexPart> parts) {
        return parts.stream().map(p -> (p.key() instanceof IndexPart.ColumnKey c ? quote(c.column())
                : Exprs.mayWrap(((IndexPart.ExprKey) p.key()).expr())) + (p.desc() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
    }

    static String names(List<String> names) {
        return names.stream().map(SqliteSql::quote).collect(Collectors.joining(", "));
    }

    /**
     * {@code CREATE TRIGGER} on {@code owner} (unqualified: SQLite takes the trigger's schema). A body
     * without BEGIN ... END gets them. SQLite triggers fire on one event.
     */
    String createTrigger(String owner, Trigger t) {
        if (t.events().size() != 1 || t.events().get(0).toUpperCase(Locale.ROOT).startsWith("TRUNCATE")) {
            throw new PlanException("sqlite: trigger \"" + t.name() + "\" fires on " + t.events()
                    + "; SQLite triggers fire on exactly one of INSERT, UPDATE [OF ...] or DELETE",
                    "declare one trigger per event");
        }
        String body = t.body().trim();
        if (!body.toUpperCase(Locale.ROOT).startsWith("BEGIN") || !body.toUpperCase(Locale.ROOT).endsWith("END")) {
            body = "BEGIN\n  " + SqliteDiffRules.triggerStatements(body) + "\nEND";
        }
        return "CREATE TRIGGER " + name(t.name()) + " " + t.timing().sql() + " " + t.events().get(0) + " ON " + quote(owner)
                + (t.forEachRow() ? " FOR EACH ROW" : "") + t.when().map(w -> " WHEN " + w).orElse("") + " " + body;
    }

    String dropTrigger(Trigger t) {
        return "DROP TRIGGER " + name(t.name());
    }

    /** {@code CREATE VIEW}; SQLite has no OR REPLACE, so a changed view is dropped and created. */
    String createView(View v) {
        return "CREATE VIEW " + name(v.name()) + " AS " + v.definition().trim();
    }

    String dropView(View v) {
        return "DROP VIEW " + name(v.name());
    }
}
