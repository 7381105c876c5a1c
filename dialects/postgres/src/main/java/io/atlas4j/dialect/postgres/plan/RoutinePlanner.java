package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.PgSql.literal;
import static io.atlas4j.dialect.postgres.plan.Statements.q;

import io.atlas4j.schema.Column;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddFunc;
import io.atlas4j.schema.change.SchemaChange.AddProc;
import io.atlas4j.schema.change.SchemaChange.AddView;
import io.atlas4j.schema.change.SchemaChange.DropFunc;
import io.atlas4j.schema.change.SchemaChange.DropProc;
import io.atlas4j.schema.change.SchemaChange.DropView;
import io.atlas4j.schema.change.SchemaChange.ModifyFunc;
import io.atlas4j.schema.change.SchemaChange.ModifyProc;
import io.atlas4j.schema.change.SchemaChange.ModifyView;
import java.util.ArrayList;
import java.util.List;

/** Plans views, materialized views, functions and procedures. */
final class RoutinePlanner {

    private final Scope scope;
    private final RoutineSql sql;
    private final TableSql tables;
    private final Statements out;

    RoutinePlanner(Scope scope, Statements out) {
        this.scope = scope;
        this.sql = new RoutineSql(scope);
        this.tables = new TableSql(scope);
        this.out = out;
    }

    private static String kind(View v) {
        return v.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }

    private String createView(String schema, View v, boolean replace) {
        return "CREATE " + (replace ? "OR REPLACE " : "") + kind(v) + " " + scope.name(schema, v.name()) + " AS "
                + v.definition() + v.attr(io.atlas4j.dialect.postgres.PostgresAttrs.CheckOption.class)
                        .map(o -> o.cascaded() ? " WITH CASCADED CHECK OPTION" : " WITH LOCAL CHECK OPTION").orElse("");
    }

    private String dropView(String schema, View v) {
        return "DROP " + kind(v) + " " + scope.name(schema, v.name());
    }

    private static String label(View v) {
        return q(v.name()) + (v.materialized() ? " materialized view" : " view");
    }

    void addView(AddView c) {
        View v = c.view();
        out.add(createView(c.schema(), v, false), "create " + label(v), List.of(dropView(c.schema(), v)), c);
        viewExtras(c.schema(), v, c);
    }

    /** Indexes, comment and triggers of a new view. */
    private void viewExtras(String schema, View v, SchemaChange c) {
        String name = scope.name(schema, v.name());
        for (Index i : v.indexes()) {
            out.add(tables.createIndex(schema, v.name(), i, false), "create index " + q(i.name()) + " to table: " + q(v.name()),
                    List.of(tables.dropIndex(schema, i, false)), c);
        }
        v.comment().filter(s -> !s.isEmpty()).ifPresent(s -> out.add("COMMENT ON " + kind(v) + " " + name + " IS " + literal(s),
                "set comment to view: " + q(v.name()), List.of("COMMENT ON " + kind(v) + " " + name + " IS ''"), c));
        for (Trigger t : v.triggers()) {
            out.add(RoutineSql.createTrigger(name, t, false), "create trigger " + q(t.name()),
                    List.of(RoutineSql.dropTrigger(name, t)), c);
            RoutineSql.triggerComment(name, t).ifPresent(sql -> out.add(sql, "set comment to trigger: " + q(t.name()),
                    List.of(), c));
        }
    }

    void dropView(DropView c) {
        View v = c.view();
        List<String> reverse = new ArrayList<>();
        reverse.add(createView(c.schema(), v, false));
        out.add(dropView(c.schema(), v), "drop " + label(v), reverse, c);
    }

    void modifyView(ModifyView c) {
        View from = c.from();
        View to = c.to();
        if (!from.materialized() && !to.materialized() && appendsColumns(from.columns(), to.columns())) {
            if (!from.definition().equals(to.definition())) {
                out.add(createView(c.schema(), to, true), "modify " + label(to), List.of(createView(c.schema(), from, true)), c);
            }
            String name = scope.name(c.schema(), to.name());
            String fc = from.comment().orElse("");
            String tc = to.comment().orElse("");
            if (!fc.equals(tc)) {
                out.add("COMMENT ON VIEW " + name + " IS " + literal(tc), "set comment to view: " + q(to.name()),
                        List.of("COMMENT ON VIEW " + name + " IS " + literal(fc)), c);
            }
            return;
        }
        // CREATE OR REPLACE cannot drop, rename or retype output columns, nor change a materialized view.
        out.add(dropView(c.schema(), from), "drop " + label(from), List.of(createView(c.schema(), from, false)), c);
        out.add(createView(c.schema(), to, false), "create " + label(to), List.of(dropView(c.schema(), to)), c);
        viewExtras(c.schema(), to, c);
    }

    /** Whether {@code to}'s output columns start with {@code from}'s (unknown columns count as compatible). */
    private static boolean appendsColumns(List<Column> from, List<Column> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return true;
        }
        if (to.size() < from.size()) {
            return false;
        }
        for (int i = 0; i < from.size(); i++) {
            if (!from.get(i).name().equals(to.get(i).name()) || !from.get(i).type().equals(to.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    void addFunc(AddFunc c) {
        out.add(sql.createFunc(c.schema(), c.func(), false), "create " + q(c.func().name()) + " function",
                List.of(sql.dropFunc(c.schema(), c.func())), c);
        routineComment("FUNCTION", sql.dropFunc(c.schema(), c.func()), c.func().name(), c.func().attrs(), c);
    }

    /** {@code COMMENT ON FUNCTION|PROCEDURE "f" (types) IS '...'} for a commented new routine. */
    private void routineComment(String kind, String drop, String routine, List<io.atlas4j.schema.Attr> attrs, SchemaChange c) {
        // The signature is the part of the DROP statement after the keyword.
        String target = "COMMENT ON " + kind + " " + drop.substring(("DROP " + kind + " ").length()) + " IS ";
        attrs.stream().filter(a -> a instanceof io.atlas4j.schema.Comment).map(a -> ((io.atlas4j.schema.Comment) a).text())
                .filter(s -> !s.isEmpty()).findFirst().ifPresent(s -> out.add(target + literal(s),
                        "set comment to " + kind.toLowerCase(java.util.Locale.ROOT) + ": " + q(routine), List.of(target + "NULL"), c));
    }

    void dropFunc(DropFunc c) {
        out.add(sql.dropFunc(c.schema(), c.func()), "drop " + q(c.func().name()) + " function",
                List.of(sql.createFunc(c.schema(), c.func(), false)), c);
    }

    void modifyFunc(ModifyFunc c) {
        if (RoutineSql.replaceable(c.from().args(), c.to().args(), c.from().returns(), c.to().returns())) {
            out.add(sql.createFunc(c.schema(), c.to(), true), "modify " + q(c.to().name()) + " function",
                    List.of(sql.createFunc(c.schema(), c.from(), true)), c);
            return;
        }
        out.add(sql.dropFunc(c.schema(), c.from()), "drop " + q(c.from().name()) + " function",
                List.of(sql.createFunc(c.schema(), c.from(), false)), c);
        out.add(sql.createFunc(c.schema(), c.to(), false), "create " + q(c.to().name()) + " function",
                List.of(sql.dropFunc(c.schema(), c.to())), c);
    }

    void addProc(AddProc c) {
        out.add(sql.createProc(c.schema(), c.proc(), false), "create " + q(c.proc().name()) + " procedure",
                List.of(sql.dropProc(c.schema(), c.proc())), c);
        routineComment("PROCEDURE", sql.dropProc(c.schema(), c.proc()), c.proc().name(), c.proc().attrs(), c);
    }

    void dropProc(DropProc c) {
        out.add(sql.dropProc(c.schema(), c.proc()), "drop " + q(c.proc().name()) + " procedure",
                List.of(sql.createProc(c.schema(), c.proc(), false)), c);
    }

    void modifyProc(ModifyProc c) {
        if (c.from().args().equals(c.to().args())) {
            out.add(sql.createProc(c.schema(), c.to(), true), "modify " + q(c.to().name()) + " procedure",
                    List.of(sql.createProc(c.schema(), c.from(), true)), c);
            return;
        }
        out.add(sql.dropProc(c.schema(), c.from()), "drop " + q(c.from().name()) + " procedure",
                List.of(sql.createProc(c.schema(), c.from(), false)), c);
        out.add(sql.createProc(c.schema(), c.to(), false), "create " + q(c.to().name()) + " procedure",
                List.of(sql.dropProc(c.schema(), c.to())), c);
    }
}
