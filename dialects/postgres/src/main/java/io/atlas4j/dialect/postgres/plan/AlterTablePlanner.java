package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.PgSql.ident;
import static io.atlas4j.dialect.postgres.plan.PgSql.literal;
import static io.atlas4j.dialect.postgres.plan.Statements.q;
import static io.atlas4j.dialect.postgres.plan.TablePlanner.createIndexComment;
import static io.atlas4j.dialect.postgres.plan.TablePlanner.indexComment;

import io.atlas4j.dialect.postgres.PostgresAttrs;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.plan.PlanException;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange.ModifyTable;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a {@code ModifyTable} (spec §4.4 sub-ordering): DROP INDEX first, serial sequences around one
 * ALTER TABLE whose constraint drops lead, CREATE INDEX after it, then comments, renames and triggers.
 * The ALTER's reverse is built from the inverse changes in reverse order.
 */
final class AlterTablePlanner {

    private final Scope scope;
    private final TableSql sql;
    private final Statements out;

    AlterTablePlanner(Scope scope, Statements out) {
        this.scope = scope;
        this.sql = new TableSql(scope);
        this.out = out;
    }

    /** One clause of an ALTER TABLE. */
    private record Part(String sql, boolean constraintDrop, boolean irreversible) {
        static Part of(String sql) {
            return new Part(sql, false, false);
        }
    }

    void modifyTable(ModifyTable m) {
        String schema = m.schema();
        Table t = m.to();
        String name = scope.name(schema, t.name());
        List<TableChange> changes = expand(m.changes());
        Set<String> dropped = droppedColumns(changes);

        // 1. Dropped plain indexes and triggers go before the ALTER.
        for (TableChange tc : changes) {
            if (tc instanceof TableChange.DropIndex d && !TableSql.isConstraint(d.index()) && !usesAny(d.index().columns(), dropped)) {
                boolean conc = d.clauses().contains(Clause.CONCURRENTLY);
                out.add(sql.dropIndex(schema, d.index(), conc), "drop index " + q(d.index().name()) + " from table: " + q(t.name()),
                        List.of(sql.createIndex(schema, t.name(), d.index(), conc)), !conc, m);
            } else if (tc instanceof TableChange.ModifyIndex mi && !TableSql.isConstraint(mi.from()) && recreated(mi)) {
                out.add(sql.dropIndex(schema, mi.from(), false), "drop index " + q(mi.from().name()) + " from table: " + q(t.name()),
                        List.of(sql.createIndex(schema, t.name(), mi.from(), false)), m);
            } else if (tc instanceof TableChange.DropTrigger dt) {
                out.add(RoutineSql.dropTrigger(name, dt.trigger()), "drop trigger " + q(dt.trigger().name()),
                        List.of(RoutineSql.createTrigger(name, dt.trigger(), false)), m);
            }
        }
        // 2-4. Sequences of serial columns around one ALTER TABLE.
        List<String[]> pre = new ArrayList<>();
        List<String[]> post = new ArrayList<>();
        List<Part> parts = alterParts(schema, m.from(), t, changes, pre, post);
        for (String[] s : pre) {
            out.add(s[0], s[1], List.of(s[2]), m);
        }
        if (!parts.isEmpty()) {
            List<Part> reverse = parts.stream().anyMatch(Part::irreversible) ? List.of() : reverseParts(schema, m, changes);
            boolean reversible = !reverse.isEmpty() && reverse.stream().noneMatch(Part::irreversible);
            out.add(alter(name, parts), "modify " + q(t.name()) + " table",
                    reversible ? List.of(alter(name, reverse)) : List.of(), m);
        }
        for (TableChange tc : changes) {
            if (tc instanceof TableChange.ModifyAttr a && a.change().kind() == PostgresAttrs.RowSecurity.class) {
                rowSecurity(m, name, a.change());
            }
        }
        for (String[] s : post) {
            out.add(s[0], s[1], List.of(s[2]), m);
        }
        // 5. New plain indexes after the ALTER (their columns may be new).
        for (TableChange tc : changes) {
            if (tc instanceof TableChange.AddIndex a && !TableSql.isConstraint(a.index())) {
                boolean conc = a.clauses().contains(Clause.CONCURRENTLY);
                out.add(sql.createIndex(schema, t.name(), a.index(), conc), createIndexComment(a.index(), t),
                        List.of(sql.dropIndex(schema, a.index(), conc)), !conc, m);
            } else if (tc instanceof TableChange.ModifyIndex mi && !TableSql.isConstraint(mi.to()) && recreated(mi)) {
                out.add(sql.createIndex(schema, t.name(), mi.to(), false), createIndexComment(mi.to(), t),
                        List.of(sql.dropIndex(schema, mi.to(), false)), m);
            }
        }
        // 6. Comments, renames and triggers, in change order.
        for (TableChange tc : changes) {
            trailing(m, name, tc);
        }
    }

    /** The clauses undoing {@code changes}; none when some change cannot be undone by an ALTER. */
    private List<Part> reverseParts(String schema, ModifyTable m, List<TableChange> changes) {
        try {
            return alterParts(schema, m.to(), m.from(), inverse(changes), null, null);
        } catch (PlanException e) {
            return List.of();
        }
    }

    /**
     * A primary key change is a drop plus an add, so that the drop joins the leading constraint drops and
     * the inverse order puts the re-added key last.
     */
    private static List<TableChange> expand(List<TableChange> changes) {
        List<TableChange> out = new ArrayList<>();
        for (TableChange c : changes) {
            if (c instanceof TableChange.ModifyPrimaryKey mp) {
                out.add(new TableChange.DropPrimaryKey(mp.from()));
                out.add(new TableChange.AddPrimaryKey(mp.to()));
            } else {
                out.add(c);
            }
        }
        // Constraint drops lead (as in the ALTER), so that the inverse list re-adds them last.
        out.sort((x, y) -> Boolean.compare(constraintDrop(y), constraintDrop(x)));
        return out;
    }

    private static boolean constraintDrop(TableChange c) {
        return c instanceof TableChange.DropIndex d && TableSql.isConstraint(d.index())
                || c instanceof TableChange.DropPrimaryKey || c instanceof TableChange.DropCheck
                || c instanceof TableChange.DropForeignKey;
    }

    /**
     * Row-level security switches are statements of their own ({@code enable row-level security for "t"
     * table}), so that policies planned after the table find them applied.
     */
    private void rowSecurity(ModifyTable m, String name, AttrChange change) {
        PostgresAttrs.RowSecurity off = new PostgresAttrs.RowSecurity(false, false);
        PostgresAttrs.RowSecurity from = change.from().map(a -> (PostgresAttrs.RowSecurity) a).orElse(off);
        PostgresAttrs.RowSecurity to = change.to().map(a -> (PostgresAttrs.RowSecurity) a).orElse(off);
        List<String> fwd = new ArrayList<>();
        List<String> back = new ArrayList<>();
        if (from.enabled() != to.enabled()) {
            fwd.add((to.enabled() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY");
            back.add((from.enabled() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY");
        }
        if (from.enforced() != to.enforced()) {
            fwd.add((to.enforced() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY");
            back.add(0, (from.enforced() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY");
        }
        if (fwd.isEmpty()) {
            return;
        }
        String verb = from.enabled() != to.enabled() ? (to.enabled() ? "enable" : "disable") : (to.enforced() ? "force" : "no force");
        out.add("ALTER TABLE " + name + " " + String.join(", ", fwd), verb + " row-level security for " + q(m.to().name()) + " table",
                List.of("ALTER TABLE " + name + " " + String.join(", ", back)), m);
    }

    private void trailing(ModifyTable m, String name, TableChange tc) {
        String schema = m.schema();
        Table t = m.to();
        if (tc instanceof TableChange.ModifyAttr a && a.change().kind() == Comment.class) {
            String from = commentOf(a.change().from());
            String to = commentOf(a.change().to());
            out.add("COMMENT ON TABLE " + name + " IS " + literal(to), "set comment to table: " + q(t.name()),
                    List.of("COMMENT ON TABLE " + name + " IS " + literal(from)), m);
        } else if (tc instanceof TableChange.AddColumn a && a.column().comment().filter(s -> !s.isEmpty()).isPresent()) {
            columnComment(m, name, a.column().name(), "", a.column().comment().get());
        } else if (tc instanceof TableChange.ModifyColumn mc && mc.kinds().contains(ChangeKind.COMMENT)) {
            columnComment(m, name, mc.to().name(), mc.from().comment().orElse(""), mc.to().comment().orElse(""));
        } else if (tc instanceof TableChange.AddIndex a && indexComment(a.index()).filter(s -> !s.isEmpty()).isPresent()) {
            indexCommentStmt(m, a.index().name(), "", indexComment(a.index()).get());
        } else if (tc instanceof TableChange.ModifyIndex mi) {
            String from = indexComment(mi.from()).orElse("");
            String to = indexComment(mi.to()).orElse("");
            if (mi.kinds().contains(ChangeKind.COMMENT) && !from.equals(to)) {
                indexCommentStmt(m, mi.to().name(), from, to);
            } else if (recreated(mi) && !to.isEmpty()) {
                indexCommentStmt(m, mi.to().name(), "", to);
            }
        } else if (tc instanceof TableChange.RenameIndex r) {
            out.add("ALTER INDEX " + scope.name(schema, r.from().name()) + " RENAME TO " + ident(r.to().name()),
                    "rename an index from " + q(r.from().name()) + " to " + q(r.to().name()),
                    List.of("ALTER INDEX " + scope.name(schema, r.to().name()) + " RENAME TO " + ident(r.from().name())), m);
        } else if (tc instanceof TableChange.RenameColumn r) {
            out.add("ALTER TABLE " + name + " RENAME COLUMN " + ident(r.from().name()) + " TO " + ident(r.to().name()),
                    "rename a column from " + q(r.from().name()) + " to " + q(r.to().name()),
                    List.of("ALTER TABLE " + name + " RENAME COLUMN " + ident(r.to().name()) + " TO " + ident(r.from().name())), m);
        } else if (tc instanceof TableChange.AddTrigger a) {
            out.add(RoutineSql.createTrigger(name, a.trigger(), false), "create trigger " + q(a.trigger().name()),
                    List.of(RoutineSql.dropTrigger(name, a.trigger())), m);
            RoutineSql.triggerComment(name, a.trigger()).ifPresent(sql -> out.add(sql,
                    "set comment to trigger: " + q(a.trigger().name()), List.of(), m));
        } else if (tc instanceof TableChange.ModifyTrigger mt) {
            out.add(RoutineSql.createTrigger(name, mt.to(), true), "modify trigger " + q(mt.to().name()),
                    List.of(RoutineSql.createTrigger(name, mt.from(), true)), m);
            Optional<String> comment = RoutineSql.triggerComment(name, mt.to());
            if (!comment.equals(RoutineSql.triggerComment(name, mt.from()))) {
                out.add(comment.orElse("COMMENT ON TRIGGER " + ident(mt.to().name()) + " ON " + name + " IS NULL"),
                        "set comment to trigger: " + q(mt.to().name()), List.of(), m);
            }
        }
    }

    private void columnComment(ModifyTable m, String name, String column, String from, String to) {
        String target = "COMMENT ON COLUMN " + name + "." + ident(column) + " IS ";
        out.add(target + literal(to), "set comment to column: " + q(column) + " on table: " + q(m.to().name()),
                List.of(target + literal(from)), m);
    }

    private void indexCommentStmt(ModifyTable m, String index, String from, String to) {
        String target = "COMMENT ON INDEX " + scope.name(m.schema(), index) + " IS ";
        out.add(target + literal(to), "set comment to index: " + q(index) + " on table: " + q(m.to().name()),
                List.of(target + literal(from)), m);
    }

    private static String commentOf(Optional<Attr> a) {
        return a.filter(x -> x instanceof Comment).map(x -> ((Comment) x).text()).orElse("");
    }

    private static String alter(String name, List<Part> parts) {
        return "ALTER TABLE " + name + " " + parts.stream().map(Part::sql).collect(Collectors.joining(", "));
    }

    /** A ModifyIndex that needs DROP + CREATE (anything but a comment change). */
    private static boolean recreated(TableChange.ModifyIndex mi) {
        return !mi.kinds().isEmpty() && !mi.kinds().equals(Set.of(ChangeKind.COMMENT));
    }

    private static Set<String> droppedColumns(List<TableChange> changes) {
        return changes.stream().filter(c -> c instanceof TableChange.DropColumn)
                .map(c -> ((TableChange.DropColumn) c).column().name()).collect(Collectors.toSet());
    }

    private static boolean usesAny(List<String> columns, Set<String> dropped) {
        return columns.stream().anyMatch(dropped::contains);
    }

    /**
     * The clauses of the ALTER TABLE for {@code changes}, constraint drops first. {@code pre}/{@code post}
     * collect the serial sequence statements ({sql, comment, reverse}); null when building a reverse.
     */
    private List<Part> alterParts(String schema, Table from, Table to, List<TableChange> changes, List<String[]> pre,
            List<String[]> post) {
        Set<String> dropped = droppedColumns(changes);
        List<Part> parts = new ArrayList<>();
        for (TableChange tc : changes) {
            if (tc instanceof TableChange.AddColumn a) {
                parts.add(Part.of("ADD COLUMN " + sql.column(to, a.column())));
            } else if (tc instanceof TableChange.DropColumn d) {
                parts.add(Part.of("DROP COLUMN " + ident(d.column().name())));
            } else if (tc instanceof TableChange.ModifyColumn mc) {
                columnParts(schema, to, mc, parts, pre, post);
            } else if (tc instanceof TableChange.AddIndex a && TableSql.isConstraint(a.index())) {
                parts.add(Part.of("ADD " + sql.constraintIndex(a.index())));
            } else if (tc instanceof TableChange.DropIndex d && TableSql.isConstraint(d.index())) {
                if (!usesAny(d.index().columns(), dropped)) {
                    parts.add(new Part("DROP CONSTRAINT " + ident(d.index().name()), true, false));
                }
            } else if (tc instanceof TableChange.ModifyIndex mi && recreated(mi)) {
                // Plain sides are dropped before the ALTER and created after it; constraint sides live here.
                if (TableSql.isConstraint(mi.from())) {
                    parts.add(Part.of("DROP CONSTRAINT " + ident(mi.from().name())));
                }
                if (TableSql.isConstraint(mi.to())) {
                    parts.add(Part.of("ADD " + sql.constraintIndex(mi.to())));
                }
            } else if (tc instanceof TableChange.AddPrimaryKey a) {
                parts.add(Part.of("ADD " + sql.primaryKey(to, a.key())));
            } else if (tc instanceof TableChange.DropPrimaryKey d) {
                parts.add(new Part("DROP CONSTRAINT " + ident(pkName(from, d.key())), true, false));
            } else if (tc instanceof TableChange.ModifyPrimaryKey mp) {
                // Drop + add: the drop moves to the front with the other constraint drops.
                parts.add(new Part("DROP CONSTRAINT " + ident(pkName(from, mp.from())), true, false));
                parts.add(Part.of("ADD " + sql.primaryKey(to, mp.to())));
            } else if (tc instanceof TableChange.AddForeignKey a) {
                parts.add(Part.of("ADD " + sql.foreignKey(schema, a.key())
                        + (a.clauses().contains(Clause.NOT_VALID) ? " NOT VALID" : "")));
            } else if (tc instanceof TableChange.DropForeignKey d) {
                if (!usesAny(d.key().columns(), dropped)) {
                    parts.add(new Part("DROP CONSTRAINT " + ident(d.key().name()), true, false));
                }
            } else if (tc instanceof TableChange.ModifyForeignKey mf) {
                parts.add(Part.of("DROP CONSTRAINT " + ident(mf.from().name())));
                parts.add(Part.of("ADD " + sql.foreignKey(schema, mf.to())));
            } else if (tc instanceof TableChange.AddCheck a) {
                parts.add(new Part("ADD " + TableSql.check(a.check()) + notValid(a.check()), false, a.check().name().isEmpty()));
            } else if (tc instanceof TableChange.DropCheck d) {
                if (d.check().name().isEmpty()) {
                    throw new PlanException("cannot drop unnamed check constraint of table " + q(from.name()),
                            "name the check constraint");
                }
                parts.add(new Part("DROP CONSTRAINT " + ident(d.check().name()), true, false));
            } else if (tc instanceof TableChange.ModifyCheck mc) {
                if (mc.from().name().isEmpty()) {
                    throw new PlanException("cannot modify unnamed check constraint", "name the check constraint");
                }
                parts.add(Part.of("DROP CONSTRAINT " + ident(mc.from().name())));
                parts.add(Part.of("ADD " + TableSql.check(mc.to()) + notValid(mc.to())));
            } else if (tc instanceof TableChange.ModifyAttr a) {
                checkAttr(from, a.change());
            }
        }
        List<Part> ordered = new ArrayList<>(parts);
        // Constraints go first: dropping a column of a multi-column constraint could otherwise fail.
        Collections.sort(ordered, (x, y) -> Boolean.compare(y.constraintDrop(), x.constraintDrop()));
        return ordered;
    }

    private static String notValid(Check c) {
        return c.attr(NotValid.class).isPresent() ? " NOT VALID" : "";
    }

    private static String pkName(Table t, PrimaryKey pk) {
        return pk.name().isEmpty() ? TableSql.defaultPkName(t.name()) : pk.name();
    }

    /** Rejects attribute changes no ALTER can make; comments and row security are separate statements. */
    private static void checkAttr(Table t, AttrChange change) {
        Class<? extends Attr> kind = change.kind();
        if (kind == PostgresAttrs.Partition.class) {
            throw new PlanException("partition key of table " + q(t.name()) + " cannot be changed",
                    "create a new partitioned table and move the data");
        }
    }

    private void columnParts(String schema, Table t, TableChange.ModifyColumn mc, List<Part> parts, List<String[]> pre,
            List<String[]> post) {
        Column from = mc.from();
        Column to = mc.to();
        String col = "ALTER COLUMN " + ident(to.name()) + " ";
        Set<ChangeKind> kinds = mc.kinds();
        boolean fromSerial = from.type() instanceof SerialType;
        boolean toSerial = to.type() instanceof SerialType;
        if (fromSerial || toSerial) {
            int fromBits = intBits(from.type());
            int toBits = intBits(to.type());
            if (fromSerial && toSerial) {
                if (fromBits != toBits) {
                    parts.add(Part.of(col + "TYPE " + intName(toBits)));
                }
            } else if (fromSerial) {
                parts.add(Part.of(col + "DROP DEFAULT"));
                if (fromBits != toBits) {
                    parts.add(Part.of(col + "TYPE " + scope.type(to.type()) + using(to)));
                }
                if (post != null) {
                    String seq = scope.name(schema, sequence(t, from));
                    post.add(new String[] {"DROP SEQUENCE IF EXISTS " + seq, "drop sequence used by serial column " + q(from.name()),
                        createSequence(schema, t, from)});
                }
            } else {
                String seq = scope.name(schema, sequence(t, to));
                if (pre != null) {
                    pre.add(new String[] {createSequence(schema, t, to), "create sequence for serial column " + q(to.name()),
                        "DROP SEQUENCE IF EXISTS " + seq});
                }
                parts.add(Part.of(col + "SET DEFAULT nextval(" + literal(seq) + ")"));
                if (fromBits != toBits) {
                    parts.add(Part.of(col + "TYPE " + intName(toBits)));
                }
            }
            if (kinds.contains(ChangeKind.NULL)) {
                parts.add(Part.of(col + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
            }
            return;
        }
        if (kinds.contains(ChangeKind.TYPE) || kinds.contains(ChangeKind.COLLATE)) {
            parts.add(Part.of(col + "TYPE " + scope.type(to.type())
                    + to.attr(Collation.class).map(c -> " COLLATE " + ident(c.name())).orElse("") + using(to)));
        }
        if (kinds.contains(ChangeKind.NULL)) {
            parts.add(Part.of(col + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
        }
        if (kinds.contains(ChangeKind.DEFAULT)) {
            parts.add(Part.of(to.defaultValue().map(d -> col + "SET DEFAULT " + TableSql.defaultValue(to.type(), d))
                    .orElse(col + "DROP DEFAULT")));
        }
        if (kinds.contains(ChangeKind.ATTR)) {
            Optional<Identity> fi = from.attr(Identity.class);
            Optional<Identity> ti = to.attr(Identity.class);
            if (fi.isPresent() && ti.isPresent() && !fi.equals(ti)) {
                Identity i = ti.get();
                parts.add(Part.of(col + "SET GENERATED " + i.generation().sql() + " SET START WITH " + i.start()
                        + " SET INCREMENT BY " + i.increment() + " RESTART"));
            } else if (fi.isEmpty() && ti.isPresent()) {
                parts.add(Part.of(col + "ADD " + TableSql.identity(ti.get())));
            } else if (fi.isPresent() && ti.isEmpty()) {
                parts.add(Part.of(col + "DROP IDENTITY"));
            }
        }
        if (kinds.contains(ChangeKind.GENERATED)) {
            boolean fg = from.attr(GeneratedExpr.class).isPresent();
            boolean tg = to.attr(GeneratedExpr.class).isPresent();
            if (fg && !tg) {
                parts.add(new Part(col + "DROP EXPRESSION", false, true));
            } else {
                throw new PlanException("cannot change the generated expression of column " + q(to.name()),
                        "drop and re-add the column");
            }
        }
    }

    private static String using(Column c) {
        return c.attr(ConvertUsing.class).map(u -> " USING " + u.expr()).orElse("");
    }

    private String createSequence(String schema, Table t, Column c) {
        return "CREATE SEQUENCE IF NOT EXISTS " + scope.name(schema, sequence(t, c)) + " OWNED BY "
                + scope.name(schema, t.name()) + "." + ident(c.name());
    }

    /** The sequence of a serial column: its own name, or PostgreSQL's {@code <table>_<column>_seq}. */
    private static String sequence(Table t, Column c) {
        String s = ((SerialType) c.type()).sequence();
        return s.isEmpty() ? t.name() + "_" + c.name() + "_seq" : s;
    }

    private static int intBits(ColumnType type) {
        if (type instanceof SerialType s) {
            return s.bits();
        }
        if (type instanceof ColumnType.IntegerType i) {
            return i.bits() <= 16 ? 16 : i.bits() <= 32 ? 32 : 64;
        }
        return -1;
    }

    private static String intName(int bits) {
        return bits == 16 ? "smallint" : bits == 32 ? "integer" : "bigint";
    }

    /** The changes that undo {@code changes}, in reverse order. */
    static List<TableChange> inverse(List<TableChange> changes) {
        List<TableChange> inv = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            TableChange c = changes.get(i);
            TableChange r;
            if (c instanceof TableChange.AddColumn a) {
                r = new TableChange.DropColumn(a.column());
            } else if (c instanceof TableChange.DropColumn d) {
                r = new TableChange.AddColumn(d.column());
            } else if (c instanceof TableChange.ModifyColumn m) {
                r = new TableChange.ModifyColumn(m.to(), m.from(), m.kinds());
            } else if (c instanceof TableChange.AddIndex a) {
                r = new TableChange.DropIndex(a.index(), a.clauses());
            } else if (c instanceof TableChange.DropIndex d) {
                r = new TableChange.AddIndex(d.index(), d.clauses());
            } else if (c instanceof TableChange.ModifyIndex m) {
                r = new TableChange.ModifyIndex(m.to(), m.from(), m.kinds());
            } else if (c instanceof TableChange.AddPrimaryKey a) {
                r = new TableChange.DropPrimaryKey(a.key());
            } else if (c instanceof TableChange.DropPrimaryKey d) {
                r = new TableChange.AddPrimaryKey(d.key());
            } else if (c instanceof TableChange.ModifyPrimaryKey m) {
                r = new TableChange.ModifyPrimaryKey(m.to(), m.from(), m.kinds());
            } else if (c instanceof TableChange.AddForeignKey a) {
                r = new TableChange.DropForeignKey(a.key());
            } else if (c instanceof TableChange.DropForeignKey d) {
                r = new TableChange.AddForeignKey(d.key());
            } else if (c instanceof TableChange.ModifyForeignKey m) {
                r = new TableChange.ModifyForeignKey(m.to(), m.from(), m.kinds());
            } else if (c instanceof TableChange.AddCheck a) {
                r = new TableChange.DropCheck(a.check());
            } else if (c instanceof TableChange.DropCheck d) {
                r = new TableChange.AddCheck(d.check());
            } else if (c instanceof TableChange.ModifyCheck m) {
                r = new TableChange.ModifyCheck(m.to(), m.from(), m.kinds());
            } else if (c instanceof TableChange.ModifyAttr a) {
                r = new TableChange.ModifyAttr(new AttrChange(a.change().to(), a.change().from()));
            } else if (c instanceof TableChange.RenameColumn rc) {
                r = new TableChange.RenameColumn(rc.to(), rc.from());
            } else if (c instanceof TableChange.RenameIndex ri) {
                r = new TableChange.RenameIndex(ri.to(), ri.from());
            } else if (c instanceof TableChange.AddTrigger a) {
                r = new TableChange.DropTrigger(a.trigger());
            } else if (c instanceof TableChange.DropTrigger d) {
                r = new TableChange.AddTrigger(d.trigger());
            } else {
                TableChange.ModifyTrigger m = (TableChange.ModifyTrigger) c;
                r = new TableChange.ModifyTrigger(m.to(), m.from());
            }
            inv.add(r);
        }
        return inv;
    }
}
