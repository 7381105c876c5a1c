package io.atlas4j.dialect.sqlite.plan;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.dialect.sqlite.diff.SqliteDiffRules;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanException;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.plan.Planner;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQLite's planner (spec §4.6): no statement sorting, changes are planned in diff order, except that views
 * and triggers are dropped before all table statements and created after them. Tables are
 * created, dropped and renamed in place; a modification is planned change by change when SQLite can alter
 * the table that way, else as a table rebuild. Plans that drop or rebuild tables turn foreign key
 * enforcement off first and back on last. Plans are transactional.
 */
public final class SqlitePlanner implements Planner {

    static final String FK_OFF = "PRAGMA foreign_keys = off";
    static final String FK_ON = "PRAGMA foreign_keys = on";
    static final String LEGACY_ON = "PRAGMA legacy_alter_table = on";
    static final String LEGACY_OFF = "PRAGMA legacy_alter_table = off";

    @Override
    public Plan plan(String name, List<SchemaChange> changes, PlanOptions options) {
        Run run = new Run(new SqliteSql(options.qualifier(), options.indent()));
        List<SchemaChange> merged = mergeModifications(changes);
        for (SchemaChange c : merged) {
            run.plan(c);
        }
        // Views and triggers are dropped first and created last: SQLite checks them on every ALTER TABLE
        // RENAME, and triggers die with their table in a rebuild.
        List<PlannedStatement> out = new ArrayList<>(run.pre);
        out.addAll(run.out);
        out.addAll(run.postViews);
        out.addAll(run.postTriggers);
        if (run.foreignKeysOff && !out.isEmpty()) {
            List<PlannedStatement> wrapped = new ArrayList<>();
            wrapped.add(new PlannedStatement(FK_OFF, "disable the enforcement of foreign-keys constraints", List.of(), true,
                    merged.get(0)));
            wrapped.addAll(out);
            wrapped.add(new PlannedStatement(FK_ON, "enable back the enforcement of foreign-keys constraints", List.of(),
                    true, merged.get(merged.size() - 1)));
            out = wrapped;
        }
        return new Plan(name, true, out, List.of());
    }

    /**
     * Consecutive modifications of one table as one: the differ splits a table's changes around column
     * renames (E40), but a rebuild must see them all, or it would miss the renames or re-create indexes twice.
     */
    static List<SchemaChange> mergeModifications(List<SchemaChange> changes) {
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.ModifyTable m && !out.isEmpty()
                    && out.get(out.size() - 1) instanceof SchemaChange.ModifyTable p
                    && p.schema().equals(m.schema()) && p.to().name().equals(m.to().name())) {
                List<TableChange> all = new ArrayList<>(p.changes());
                all.addAll(m.changes());
                out.set(out.size() - 1, new SchemaChange.ModifyTable(p.schema(), p.from(), m.to(), all));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * One planning run: the statements so far (drops of views and triggers, table statements, then creates
     * of views, then of triggers) and whether foreign keys must be off.
     */
    private static final class Run {
        private final SqliteSql sql;
        private final List<PlannedStatement> pre = new ArrayList<>();
        private final List<PlannedStatement> out = new ArrayList<>();
        private final List<PlannedStatement> postViews = new ArrayList<>();
        private final List<PlannedStatement> postTriggers = new ArrayList<>();
        private boolean foreignKeysOff;

        Run(SqliteSql sql) {
            this.sql = sql;
        }

        private void add(SchemaChange source, String statement, String comment, List<String> reverse) {
            out.add(new PlannedStatement(statement, comment, reverse, true, source));
        }

        void plan(SchemaChange c) {
            if (c instanceof SchemaChange.AddTable x) {
                addTable(x);
            } else if (c instanceof SchemaChange.DropTable x) {
                foreignKeysOff = true;
                add(x, "DROP TABLE " + (x.clauses().contains(io.atlas4j.schema.change.Clause.IF_EXISTS) ? "IF EXISTS " : "")
                        + sql.name(x.table().name()), "drop " + q(x.table().name()) + " table", createAll(x.table()));
            } else if (c instanceof SchemaChange.RenameTable x) {
                add(x, "ALTER TABLE " + sql.name(x.from().name()) + " RENAME TO " + SqliteSql.quote(x.to().name()),
                        "rename a table from " + q(x.from().name()) + " to " + q(x.to().name()),
                        List.of("ALTER TABLE " + sql.name(x.to().name()) + " RENAME TO " + SqliteSql.quote(x.from().name())));
            } else if (c instanceof SchemaChange.ModifyTable x) {
                if (alterable(x)) {
                    alter(x);
                } else {
                    rebuild(x);
                }
            } else if (c instanceof SchemaChange.AddView x) {
                createView(x, x.view());
            } else if (c instanceof SchemaChange.DropView x) {
                dropView(x, x.view());
            } else if (c instanceof SchemaChange.ModifyView x) {
                // No CREATE OR REPLACE VIEW in SQLite; dropping the view drops its triggers too.
                dropView(x, x.from());
                createView(x, x.to());
            } else if (c instanceof SchemaChange.AddSchema x) {
                // SQLite has one schema, main, which always exists (spec §4.2: AddSchema is unsupported).
                if (!x.schema().name().isEmpty() && !x.schema().name().equals("main")) {
                    throw new PlanException("sqlite: adding schema \"" + x.schema().name() + "\" is not supported",
                            "SQLite has one schema, main; attached databases are not supported");
                }
            } else if (c instanceof SchemaChange.DropSchema x) {
                throw new PlanException("sqlite: dropping schema \"" + x.schema().name() + "\" is not supported",
                        "SQLite has one schema, main; drop its tables instead");
            } else if (!(c instanceof SchemaChange.ModifySchema)) {
                throw new PlanException("sqlite: " + c.getClass().getSimpleName() + " changes are not supported",
                        "SQLite supports tables, views, triggers, columns, indexes, primary and foreign keys and checks");
            }
        }

        /** CREATE TABLE, the AUTOINCREMENT start, then the indexes, each its own statement. */
        private void addTable(SchemaChange.AddTable x) {
            Table t = x.table();
            add(x, sql.createTable(t, t.name()), "create " + q(t.name()) + " table", List.of("DROP TABLE " + sql.name(t.name())));
            SqliteSql.autoIncrementKey(t).flatMap(t::column).flatMap(c -> c.attr(SqliteAttrs.AutoIncrement.class))
                    .filter(a -> a.seq() > 0).ifPresent(a -> add(x,
                            "INSERT INTO sqlite_sequence (name, seq) VALUES (\"" + t.name() + "\", " + a.seq() + ")",
                            "set sequence for " + q(t.name()) + " table",
                            List.of("UPDATE sqlite_sequence SET seq = 0 WHERE name = \"" + t.name() + "\"")));
            for (Index i : t.indexes()) {
                addIndex(x, t.name(), i);
            }
            t.triggers().forEach(tr -> createTrigger(x, t.name(), tr));
        }

        private void createView(SchemaChange source, View v) {
            postViews.add(new PlannedStatement(sql.createView(v), "create " + q(v.name()) + " view",
                    List.of(sql.dropView(v)), true, source));
            v.triggers().forEach(tr -> createTrigger(source, v.name(), tr));
        }

        private void dropView(SchemaChange source, View v) {
            pre.add(new PlannedStatement(sql.dropView(v), "drop " + q(v.name()) + " view", List.of(sql.createView(v)),
                    true, source));
        }

        private void createTrigger(SchemaChange source, String owner, Trigger t) {
            postTriggers.add(new PlannedStatement(sql.createTrigger(owner, t),
                    "create trigger " + q(t.name()) + " on " + q(owner), List.of(sql.dropTrigger(t)), true, source));
        }

        private void dropTrigger(SchemaChange source, String owner, Trigger t) {
            pre.add(new PlannedStatement(sql.dropTrigger(t), "drop trigger " + q(t.name()) + " from " + q(owner),
                    List.of(sql.createTrigger(owner, t)), true, source));
        }

        private void addIndex(SchemaChange source, String table, Index i) {
            String name = SqliteSql.indexName(table, i);
            add(source, sql.createIndex(table, i), "create index " + q(name) + " to table: " + q(table),
                    List.of(sql.dropIndex(name)));
        }

        private void dropIndex(SchemaChange source, String table, Index i) {
            add(source, sql.dropIndex(i.name()), "drop index " + q(i.name()) + " from table: " + q(table),
                    List.of(sql.createIndex(table, i)));
        }

        /** The statements that re-create a dropped table: the reverse of its drop. */
        private List<String> createAll(Table t) {
            List<String> out = new ArrayList<>();
            out.add(sql.createTable(t, t.name()));
            t.indexes().forEach(i -> out.add(sql.createIndex(t.name(), i)));
            t.triggers().forEach(tr -> out.add(sql.createTrigger(t.name(), tr)));
            return out;
        }

        /** Each change as its own statement (spec §4.6 "alterable"). */
        private void alter(SchemaChange.ModifyTable x) {
            String t = x.to().name();
            for (TableChange c : x.changes()) {
                if (c instanceof TableChange.AddColumn a) {
                    add(x, "ALTER TABLE " + sql.name(t) + " ADD COLUMN " + SqliteSql.column(a.column(), false),
                            "add column " + q(a.column().name()) + " to table: " + q(t),
                            List.of("ALTER TABLE " + sql.name(t) + " DROP COLUMN " + SqliteSql.quote(a.column().name())));
                } else if (c instanceof TableChange.RenameColumn r) {
                    add(x, renameColumn(t, r.from().name(), r.to().name()),
                            "rename a column from " + q(r.from().name()) + " to " + q(r.to().name()),
                            List.of(renameColumn(t, r.to().name(), r.from().name())));
                } else if (c instanceof TableChange.AddIndex a) {
                    addIndex(x, t, a.index());
                } else if (c instanceof TableChange.DropIndex d) {
                    dropIndex(x, t, d.index());
                } else if (c instanceof TableChange.ModifyIndex m) {
                    dropIndex(x, t, m.from());
                    addIndex(x, t, m.to());
                } else if (c instanceof TableChange.RenameIndex r) {
                    // SQLite cannot rename an index: create it under the new name, then drop the old one (E63).
                    addIndex(x, t, r.to());
                    dropIndex(x, t, r.from());
                } else if (c instanceof TableChange.AddTrigger a) {
                    createTrigger(x, t, a.trigger());
                } else if (c instanceof TableChange.DropTrigger d) {
                    dropTrigger(x, t, d.trigger());
                } else if (c instanceof TableChange.ModifyTrigger m) {
                    dropTrigger(x, t, m.from());
                    createTrigger(x, t, m.to());
                }
            }
        }

        private String renameColumn(String table, String from, String to) {
            return "ALTER TABLE " + sql.name(table) + " RENAME COLUMN " + SqliteSql.quote(from) + " TO " + SqliteSql.quote(to);
        }

        /**
         * Whether SQLite can apply the modification change by change: renames, index changes (but not of
         * auto-indexes, which belong to constraints), and added columns that ALTER TABLE ADD COLUMN accepts.
         */
        private static boolean alterable(SchemaChange.ModifyTable x) {
            for (TableChange c : x.changes()) {
                boolean ok = c instanceof TableChange.RenameColumn || c instanceof TableChange.RenameIndex
                        || c instanceof TableChange.AddIndex || c instanceof TableChange.AddTrigger
                        || c instanceof TableChange.DropTrigger || c instanceof TableChange.ModifyTrigger
                        || c instanceof TableChange.DropIndex d && !auto(d.index())
                        || c instanceof TableChange.ModifyIndex m && !auto(m.from())
                        || c instanceof TableChange.AddColumn a && addable(x.to(), a.column());
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static boolean auto(Index i) {
            return i.name().startsWith(SqliteDiffRules.AUTOINDEX_PREFIX);
        }

        /** ADD COLUMN takes no indexed or referencing column, no expression default, no STORED column. */
        private static boolean addable(Table table, Column c) {
            if (table.indexes().stream().anyMatch(i -> i.columns().contains(c.name()))
                    || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()))
                    || table.primaryKey().filter(p -> p.columns().contains(c.name())).isPresent()) {
                return false;
            }
            if (c.attr(GeneratedExpr.class).filter(GeneratedExpr::stored).isPresent()) {
                return false;
            }
            Optional<Expr> d = c.defaultValue();
            if (d.isPresent() && (d.get() instanceof Expr.RawExpr
                    || d.get().sql().trim().toUpperCase(Locale.ROOT).matches("CURRENT_(TIME|DATE|TIMESTAMP)"))) {
                return false;
            }
            return true;
        }

        /** The table rebuild (spec §4.6): new table, copy, drop, rename, indexes; none of it reversible. */
        private void rebuild(SchemaChange.ModifyTable x) {
            foreignKeysOff = true;
            Table from = x.from();
            Table to = x.to();
            // The table's name now: a rename planned just before (RenameTable) already gave it the desired one.
            String t = to.name();
            String tmp = "new_" + t;
            add(x, sql.createTable(to, tmp), "create " + q(tmp) + " table", List.of());
            Map<String, String> renamedFrom = new HashMap<>();
            Set<String> added = new HashSet<>();
            Map<String, TableChange.ModifyColumn> modified = new HashMap<>();
            for (TableChange c : x.changes()) {
                if (c instanceof TableChange.RenameColumn r) {
                    renamedFrom.put(r.to().name(), r.from().name());
                } else if (c instanceof TableChange.AddColumn a) {
                    added.add(a.column().name());
                } else if (c instanceof TableChange.ModifyColumn m) {
                    modified.put(m.from().name(), m);
                }
            }
            List<String> targets = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (Column c : to.columns()) {
                if (added.contains(c.name()) || c.attr(GeneratedExpr.class).isPresent()) {
                    continue;
                }
                String source = renamedFrom.getOrDefault(c.name(), c.name());
                Optional<Column> old = from.column(source);
                if (old.isEmpty() || old.get().attr(GeneratedExpr.class).isPresent()) {
                    continue;
                }
                TableChange.ModifyColumn m = modified.get(source);
                String expr = SqliteSql.quote(source);
                if (m != null && !c.nullable() && c.defaultValue().isPresent()
                        && (m.kinds().contains(ChangeKind.NULL) || m.kinds().contains(ChangeKind.DEFAULT))) {
                    expr = "IFNULL(" + expr + ", " + SqliteSql.defaultValue(c.defaultValue().get()) + ") AS "
                            + SqliteSql.quote(c.name());
                }
                targets.add(SqliteSql.quote(c.name()));
                sources.add(expr);
            }
            if (!targets.isEmpty()) {
                add(x, "INSERT INTO " + sql.name(tmp) + " (" + String.join(", ", targets) + ") SELECT "
                        + String.join(", ", sources) + " FROM " + sql.name(t),
                        "copy rows from old table " + q(t) + " to new temporary table " + q(tmp), List.of());
            }
            add(x, "DROP TABLE " + sql.name(t), "drop " + q(t) + " table "
                    + (targets.isEmpty() ? "without copying rows (no columns)" : "after copying rows"), List.of());
            // SQLite re-checks every view and trigger on RENAME; those naming t would fail now t is dropped.
            // Legacy mode renames without the check (nothing refers to the temporary name anyway).
            boolean legacy = from.attr(SqliteAttrs.OtherViewsOrTriggers.class).isPresent();
            if (legacy) {
                add(x, LEGACY_ON, "rename without re-checking views and triggers that name " + q(t), List.of());
            }
            add(x, "ALTER TABLE " + sql.name(tmp) + " RENAME TO " + SqliteSql.quote(t),
                    "rename temporary table " + q(tmp) + " to " + q(t), List.of());
            if (legacy) {
                add(x, LEGACY_OFF, "check views and triggers on rename again", List.of());
            }
            for (Index i : to.indexes()) {
                String name = SqliteSql.indexName(t, i);
                add(x, sql.createIndex(t, i), "create index " + q(name) + " to table: " + q(t), List.of());
            }
            // The table's triggers died with it: create the desired ones, after the other tables exist.
            to.triggers().forEach(tr -> createTrigger(x, t, tr));
        }

        private static String q(String name) {
            return "\"" + name + "\"";
        }
    }
}
