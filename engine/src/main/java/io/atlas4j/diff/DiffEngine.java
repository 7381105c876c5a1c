package io.atlas4j.diff;

import io.atlas4j.diff.DiffRules.TablePair;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The generic diff (Atlas's shared differ): matches schemas, tables, columns, keys, indexes, checks,
 * triggers, views, routines and objects by name, asks {@link DiffRules} whether matched pairs differ,
 * then drops the changes {@link DiffOptions#skip} names and marks index changes
 * {@link Clause#CONCURRENTLY} as the options ask.
 *
 * <p>Emission order: realm objects; per current schema (in current order) its drop or its changes;
 * then added schemas with their contents. Within a schema: attributes, objects, tables (current order,
 * then added ones), views, functions, procedures; drops and modifications come before additions.
 */
public final class DiffEngine implements Differ {

    private final DiffRules rules;
    private final TableDiff tables;

    /** A differ asking {@code rules} the dialect questions. */
    public DiffEngine(DiffRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tables = new TableDiff(rules);
    }

    @Override
    public List<SchemaChange> diffRealm(Realm from, Realm to, DiffOptions options) {
        Renames renames = Renames.of(options, false);
        for (Schema s1 : from.schemas()) {
            to.schema(s1.name()).ifPresent(s2 -> renames.prepare(s2.name(), s1, s2));
        }
        List<SchemaChange> changes = new ArrayList<>(rules.realmObjectChanges(from, to));
        for (Schema s1 : from.schemas()) {
            Optional<Schema> s2 = to.schema(s1.name());
            if (s2.isEmpty()) {
                changes.add(new SchemaChange.DropSchema(s1, Set.of()));
            } else {
                changes.addAll(schemaChanges(s1, s2.get(), renames));
            }
        }
        for (Schema s2 : to.schemas()) {
            if (from.schema(s2.name()).isEmpty()) {
                changes.addAll(addSchema(s2));
            }
        }
        return finish(changes, options);
    }

    @Override
    public List<SchemaChange> diffSchema(Schema from, Schema to, DiffOptions options) {
        // Schema scope compares the schemas whatever their names, so hints apply whatever their schema.
        Renames renames = Renames.of(options, true);
        renames.prepare(to.name(), from, to);
        return finish(schemaChanges(from, to, renames), options);
    }

    /** A schema to create, then everything in it: objects, functions, procedures, tables, views. */
    private static List<SchemaChange> addSchema(Schema s) {
        List<SchemaChange> changes = new ArrayList<>();
        changes.add(new SchemaChange.AddSchema(s, Set.of()));
        for (SchemaObject o : s.objects()) {
            changes.add(new SchemaChange.AddObject(s.name(), o));
        }
        for (Func f : s.funcs()) {
            changes.add(new SchemaChange.AddFunc(s.name(), f));
        }
        for (Proc p : s.procs()) {
            changes.add(new SchemaChange.AddProc(s.name(), p));
        }
        for (Table t : s.tables()) {
            changes.add(new SchemaChange.AddTable(s.name(), t));
        }
        for (View v : s.views()) {
            changes.add(new SchemaChange.AddView(s.name(), v));
        }
        return changes;
    }

    /**
     * The changes between two schemas; they carry {@code to}'s name. A table renamed by a matching hint is
     * a {@link SchemaChange.RenameTable} followed by the diff of the pair, instead of a drop and an add.
     */
    private List<SchemaChange> schemaChanges(Schema from, Schema to, Renames renames) {
        String name = to.name();
        List<SchemaChange> changes = new ArrayList<>();
        List<AttrChange> attrs = rules.schemaAttrChanges(from, to);
        if (!attrs.isEmpty()) {
            changes.add(new SchemaChange.ModifySchema(to, attrs));
        }
        changes.addAll(rules.schemaObjectChanges(name, from, to));
        // By-name maps: Schema.table() scans, and a 5,000-table diff would compare 25 million names.
        Map<String, Table> fromTables = byName(from.tables());
        Map<String, Table> toTables = byName(to.tables());
        Map<String, String> renamed = renames.tables(name);
        for (Table t1 : from.tables()) {
            String newName = renamed.get(t1.name());
            Optional<Table> t2 = Optional.ofNullable(toTables.get(newName != null ? newName : t1.name()));
            if (t2.isEmpty()) {
                changes.add(new SchemaChange.DropTable(name, t1));
                continue;
            }
            if (newName != null) {
                changes.add(new SchemaChange.RenameTable(name, t1, t2.get()));
            }
            List<TableChange> tableChanges = tables.diff(new TablePair(from.name(), t1, name, t2.get()), renames);
            changes.addAll(modifyTable(name, t1, t2.get(), tableChanges));
        }
        for (Table t2 : to.tables()) {
            if (!fromTables.containsKey(t2.name()) && !renamed.containsValue(t2.name())) {
                changes.add(new SchemaChange.AddTable(name, t2));
            }
        }
        views(name, from, to, changes);
        routines(name, from, to, changes);
        return changes;
    }

    /**
     * The modification of a table pair: one {@link SchemaChange.ModifyTable}, or two when columns are
     * renamed and keys, indexes or checks are added or changed. Planners rename columns after the table's
     * other statements (E40), so what names a renamed column by its new name goes in a second
     * modification that follows the renames.
     */
    private static List<SchemaChange> modifyTable(String schema, Table from, Table to, List<TableChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        if (changes.stream().noneMatch(c -> c instanceof TableChange.RenameColumn)
                || changes.stream().noneMatch(DiffEngine::namesNewColumns)) {
            return List.of(new SchemaChange.ModifyTable(schema, from, to, changes));
        }
        List<TableChange> first = changes.stream().filter(c -> !namesNewColumns(c)).toList();
        List<TableChange> second = changes.stream().filter(DiffEngine::namesNewColumns).toList();
        return List.of(new SchemaChange.ModifyTable(schema, from, to, first),
                new SchemaChange.ModifyTable(schema, from, to, second));
    }

    /** Whether a table change creates something that refers to columns by their desired names. */
    private static boolean namesNewColumns(TableChange c) {
        return c instanceof TableChange.AddIndex || c instanceof TableChange.ModifyIndex
                || c instanceof TableChange.AddCheck || c instanceof TableChange.ModifyCheck
                || c instanceof TableChange.AddPrimaryKey || c instanceof TableChange.ModifyPrimaryKey
                || c instanceof TableChange.AddForeignKey || c instanceof TableChange.ModifyForeignKey;
    }

    private static Map<String, Table> byName(List<Table> tables) {
        Map<String, Table> map = new HashMap<>(tables.size() * 2);
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return map;
    }

    private void views(String name, Schema from, Schema to, List<SchemaChange> changes) {
        List<View> added = new ArrayList<>();
        for (View v1 : from.views()) {
            Optional<View> v2 = to.view(v1.name());
            if (v2.isEmpty()) {
                changes.add(new SchemaChange.DropView(name, v1));
            } else if (v1.materialized() != v2.get().materialized()) {
                // A view cannot become materialized (or back) in place.
                changes.add(new SchemaChange.DropView(name, v1));
                added.add(v2.get());
            } else if (rules.viewChanged(v1, v2.get())) {
                changes.add(new SchemaChange.ModifyView(name, v1, v2.get()));
            }
        }
        for (View v2 : to.views()) {
            if (from.view(v2.name()).isEmpty() || added.contains(v2)) {
                changes.add(new SchemaChange.AddView(name, v2));
            }
        }
    }

    private void routines(String name, Schema from, Schema to, List<SchemaChange> changes) {
        for (Func f1 : from.funcs()) {
            Optional<Func> f2 = to.funcs().stream().filter(f -> f.signature().equals(f1.signature())).findFirst();
            if (f2.isEmpty()) {
                changes.add(new SchemaChange.DropFunc(name, f1));
            } else if (rules.funcChanged(f1, f2.get())) {
                changes.add(new SchemaChange.ModifyFunc(name, f1, f2.get()));
            }
        }
        for (Func f2 : to.funcs()) {
            if (from.funcs().stream().noneMatch(f -> f.signature().equals(f2.signature()))) {
                changes.add(new SchemaChange.AddFunc(name, f2));
            }
        }
        for (Proc p1 : from.procs()) {
            Optional<Proc> p2 = to.procs().stream().filter(p -> p.signature().equals(p1.signature())).findFirst();
            if (p2.isEmpty()) {
                changes.add(new SchemaChange.DropProc(name, p1));
            } else if (rules.procChanged(p1, p2.get())) {
                changes.add(new SchemaChange.ModifyProc(name, p1, p2.get()));
            }
        }
        for (Proc p2 : to.procs()) {
            if (from.procs().stream().noneMatch(p -> p.signature().equals(p2.signature()))) {
                changes.add(new SchemaChange.AddProc(name, p2));
            }
        }
    }

    /**
     * Applies the options: skipped change classes disappear at every level (a modified table left
     * without changes disappears too), and index changes of existing tables get CONCURRENTLY.
     */
    private static List<SchemaChange> finish(List<SchemaChange> changes, DiffOptions options) {
        List<SchemaChange> out = new ArrayList<>(changes.size());
        for (SchemaChange c : changes) {
            if (options.skips(c.getClass())) {
                continue;
            }
            if (c instanceof SchemaChange.ModifyTable m) {
                List<TableChange> nested = new ArrayList<>(m.changes().size());
                for (TableChange tc : m.changes()) {
                    if (!options.skips(tc.getClass())) {
                        nested.add(concurrently(tc, options));
                    }
                }
                if (nested.isEmpty()) {
                    continue;
                }
                c = new SchemaChange.ModifyTable(m.schema(), m.from(), m.to(), nested);
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    /**
     * CONCURRENTLY on a plain index of an existing table when the options ask for it; indexes backing a
     * constraint are planned as {@code ALTER TABLE ... ADD|DROP CONSTRAINT}, where it does not apply.
     */
    private static TableChange concurrently(TableChange c, DiffOptions options) {
        if (c instanceof TableChange.AddIndex a && options.concurrentIndexCreate()
                && a.index().attr(IndexConstraint.class).isEmpty()) {
            return new TableChange.AddIndex(a.index(), with(a.clauses(), Clause.CONCURRENTLY));
        }
        if (c instanceof TableChange.DropIndex d && options.concurrentIndexDrop()
                && d.index().attr(IndexConstraint.class).isEmpty()) {
            return new TableChange.DropIndex(d.index(), with(d.clauses(), Clause.CONCURRENTLY));
        }
        return c;
    }

    private static Set<Clause> with(Set<Clause> clauses, Clause clause) {
        Set<Clause> out = clauses.isEmpty() ? EnumSet.noneOf(Clause.class) : EnumSet.copyOf(clauses);
        out.add(clause);
        return out;
    }
}
