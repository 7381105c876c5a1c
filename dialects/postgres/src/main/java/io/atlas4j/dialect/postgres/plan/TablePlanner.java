package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.PgSql.ident;
import static io.atlas4j.dialect.postgres.plan.PgSql.literal;
import static io.atlas4j.dialect.postgres.plan.Statements.q;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.SchemaChange.DropTable;
import io.atlas4j.schema.change.SchemaChange.ModifyTable;
import io.atlas4j.schema.change.SchemaChange.RenameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans table changes (spec §4.4): CREATE/DROP/RENAME TABLE and the sub-ordered statements of a ModifyTable. */
final class TablePlanner {

    private final Scope scope;
    private final TableSql sql;
    private final Statements out;

    TablePlanner(Scope scope, Statements out) {
        this.scope = scope;
        this.sql = new TableSql(scope);
        this.out = out;
    }

    void addTable(AddTable c) {
        String schema = c.schema();
        Table t = c.table();
        String name = scope.name(schema, t.name());
        out.add(sql.createTable(schema, t, c.clauses().contains(Clause.IF_NOT_EXISTS)), "create " + q(t.name()) + " table",
                List.of("DROP TABLE " + name), c);
        for (Index i : t.indexes()) {
            if (!TableSql.isConstraint(i)) {
                out.add(sql.createIndex(schema, t.name(), i, false), createIndexComment(i, t),
                        List.of(sql.dropIndex(schema, i, false)), c);
            }
        }
        for (String[] s : comments(schema, t)) {
            out.add(s[0], s[1], List.of(s[2]), c);
        }
        t.attr(PostgresAttrs.RowSecurity.class).filter(r -> r.enabled() || r.enforced()).ifPresent(r -> {
            List<String> on = new ArrayList<>();
            List<String> off = new ArrayList<>();
            if (r.enabled()) {
                on.add("ENABLE ROW LEVEL SECURITY");
                off.add("DISABLE ROW LEVEL SECURITY");
            }
            if (r.enforced()) {
                on.add("FORCE ROW LEVEL SECURITY");
                off.add(0, "NO FORCE ROW LEVEL SECURITY");
            }
            out.add("ALTER TABLE " + name + " " + String.join(", ", on), "enable row-level security for " + q(t.name()) + " table",
                    List.of("ALTER TABLE " + name + " " + String.join(", ", off)), c);
        });
        for (Trigger tr : t.triggers()) {
            out.add(RoutineSql.createTrigger(name, tr, false), "create trigger " + q(tr.name()),
                    List.of(RoutineSql.dropTrigger(name, tr)), c);
            RoutineSql.triggerComment(name, tr).ifPresent(sql -> out.add(sql, "set comment to trigger: " + q(tr.name()),
                    List.of(), c));
        }
    }

    void dropTable(DropTable c) {
        StringBuilder b = new StringBuilder("DROP TABLE ");
        if (c.clauses().contains(Clause.IF_EXISTS)) {
            b.append("IF EXISTS ");
        }
        b.append(scope.name(c.schema(), c.table().name()));
        if (c.clauses().contains(Clause.CASCADE)) {
            b.append(" CASCADE");
        }
        out.add(b.toString(), "drop " + q(c.table().name()) + " table", createAll(c.schema(), c.table()), c);
    }

    /** CREATE TABLE, its CREATE INDEXes and its COMMENTs: the reverse of a DROP TABLE. */
    List<String> createAll(String schema, Table t) {
        List<String> all = new ArrayList<>();
        all.add(sql.createTable(schema, t, false));
        for (Index i : t.indexes()) {
            if (!TableSql.isConstraint(i)) {
                all.add(sql.createIndex(schema, t.name(), i, false));
            }
        }
        for (String[] s : comments(schema, t)) {
            all.add(s[0]);
        }
        return all;
    }

    /** {sql, comment, reverse} for the non-empty comments of a new table: table, columns, indexes. */
    private List<String[]> comments(String schema, Table t) {
        List<String[]> list = new ArrayList<>();
        String name = scope.name(schema, t.name());
        t.comment().filter(s -> !s.isEmpty()).ifPresent(s -> list.add(new String[] {
            "COMMENT ON TABLE " + name + " IS " + literal(s), "set comment to table: " + q(t.name()),
            "COMMENT ON TABLE " + name + " IS ''"}));
        for (Column col : t.columns()) {
            col.comment().filter(s -> !s.isEmpty()).ifPresent(s -> list.add(new String[] {
                "COMMENT ON COLUMN " + name + "." + ident(col.name()) + " IS " + literal(s),
                "set comment to column: " + q(col.name()) + " on table: " + q(t.name()),
                "COMMENT ON COLUMN " + name + "." + ident(col.name()) + " IS ''"}));
        }
        for (Index i : t.indexes()) {
            indexComment(i).filter(s -> !s.isEmpty()).ifPresent(s -> list.add(new String[] {
                "COMMENT ON INDEX " + scope.name(schema, i.name()) + " IS " + literal(s),
                "set comment to index: " + q(i.name()) + " on table: " + q(t.name()),
                "COMMENT ON INDEX " + scope.name(schema, i.name()) + " IS ''"}));
        }
        return list;
    }

    static Optional<String> indexComment(Index i) {
        return i.attr(Comment.class).map(Comment::text);
    }

    static String createIndexComment(Index i, Table t) {
        return "create index " + q(i.name()) + " to table: " + q(t.name());
    }

    void renameTable(RenameTable c) {
        // PostgreSQL's RENAME TO takes an unqualified name: the table stays in its schema.
        String from = scope.name(c.schema(), c.from().name());
        String to = scope.name(c.schema(), c.to().name());
        out.add("ALTER TABLE " + from + " RENAME TO " + ident(c.to().name()),
                "rename a table from " + q(c.from().name()) + " to " + q(c.to().name()),
                List.of("ALTER TABLE " + to + " RENAME TO " + ident(c.from().name())), c);
    }
}
