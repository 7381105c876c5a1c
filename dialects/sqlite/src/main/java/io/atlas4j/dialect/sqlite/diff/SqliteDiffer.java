package io.atlas4j.dialect.sqlite.diff;

import io.atlas4j.dialect.sqlite.SqliteAttrs;
import io.atlas4j.diff.DiffEngine;
import io.atlas4j.diff.DiffOptions;
import io.atlas4j.diff.Differ;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * SQLite's differ: the generic {@link DiffEngine} with {@link SqliteDiffRules}, after SQLite's normalising
 * pass (spec §3.10): the desired side's auto-indexes ({@code sqlite_autoindex_*}) take the names the planner
 * gives them ({@code <table>_<cols>}), and the current side's numeric foreign key symbols take the desired
 * symbol of the same key.
 */
public final class SqliteDiffer implements Differ {

    private final Differ engine = new DiffEngine(new SqliteDiffRules());

    @Override
    public List<SchemaChange> diffRealm(Realm from, Realm to, DiffOptions options) {
        List<Schema> current = new ArrayList<>();
        for (Schema s : from.schemas()) {
            Optional<Schema> desired = to.schema(s.name());
            current.add(desired.map(d -> alignForeignKeys(s, d)).orElse(s));
        }
        List<Schema> desired = to.schemas().stream().map(SqliteDiffer::renameAutoIndexes).toList();
        List<SchemaChange> changes = engine.diffRealm(new Realm(current, from.objects()), new Realm(desired, to.objects()),
                options);
        return marked(changes, name -> from.schema(name));
    }

    @Override
    public List<SchemaChange> diffSchema(Schema from, Schema to, DiffOptions options) {
        return marked(engine.diffSchema(alignForeignKeys(from, to), renameAutoIndexes(to), options),
                name -> Optional.of(from));
    }

    /**
     * {@code changes} with the current side of each modified table marked {@link SqliteAttrs.OtherViewsOrTriggers}
     * when its schema holds views or triggers of other tables, so a rebuild's RENAME does not trip over them.
     */
    static List<SchemaChange> marked(List<SchemaChange> changes, Function<String, Optional<Schema>> current) {
        List<SchemaChange> out = new ArrayList<>(changes.size());
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.ModifyTable m && current.apply(m.schema()).filter(s -> others(s, m.from())).isPresent()
                    && m.from().attr(SqliteAttrs.OtherViewsOrTriggers.class).isEmpty()) {
                Table f = m.from();
                List<Attr> attrs = new ArrayList<>(f.attrs());
                attrs.add(new SqliteAttrs.OtherViewsOrTriggers());
                out.add(new SchemaChange.ModifyTable(m.schema(), new Table(f.name(), f.columns(), f.primaryKey(), f.indexes(),
                        f.foreignKeys(), f.checks(), attrs, f.triggers()), m.to(), m.changes()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean others(Schema s, Table table) {
        return !s.views().isEmpty()
                || s.tables().stream().anyMatch(t -> !t.name().equals(table.name()) && !t.triggers().isEmpty());
    }

    /** {@code schema} with each table's auto-indexes named {@code <table>_<cols>} when that name is free. */
    static Schema renameAutoIndexes(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            Set<String> names = new HashSet<>();
            t.indexes().forEach(i -> names.add(i.name()));
            List<Index> indexes = new ArrayList<>();
            boolean changed = false;
            for (Index i : t.indexes()) {
                String normal = SqliteDiffRules.normalName(t.name(), i);
                if (i.name().startsWith(SqliteDiffRules.AUTOINDEX_PREFIX) && !i.columns().isEmpty() && names.add(normal)) {
                    indexes.add(new Index(normal, i.unique(), i.parts(), i.attrs()));
                    changed = true;
                } else {
                    indexes.add(i);
                }
            }
            tables.add(changed ? new Table(t.name(), t.columns(), t.primaryKey(), indexes, t.foreignKeys(), t.checks(),
                    t.attrs(), t.triggers()) : t);
        }
        return new Schema(schema.name(), tables, schema.views(), schema.funcs(), schema.procs(), schema.objects(),
                schema.attrs());
    }

    /**
     * {@code current} with numeric foreign key symbols replaced by the desired symbol of the key with the same
     * columns, referenced table and referenced columns. A table whose keys would end up with clashing
     * symbols is left as it is.
     */
    static Schema alignForeignKeys(Schema current, Schema desired) {
        List<Table> tables = new ArrayList<>();
        for (Table t : current.tables()) {
            Optional<Table> d = desired.table(t.name());
            tables.add(d.map(w -> aligned(t, w)).orElse(t));
        }
        return new Schema(current.name(), tables, current.views(), current.funcs(), current.procs(), current.objects(),
                current.attrs());
    }

    private static Table aligned(Table t, Table desired) {
        if (t.foreignKeys().stream().noneMatch(f -> f.name().matches("\\d+"))) {
            return t;
        }
        Set<String> taken = new HashSet<>();
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey f : t.foreignKeys()) {
            ForeignKey out = f;
            if (f.name().matches("\\d+")) {
                for (ForeignKey w : desired.foreignKeys()) {
                    if (!taken.contains(w.name()) && w.columns().equals(f.columns()) && w.refTable().equals(f.refTable())
                            && w.refColumns().equals(f.refColumns())) {
                        out = new ForeignKey(w.name(), f.columns(), f.refSchema(), f.refTable(), f.refColumns(), f.onUpdate(),
                                f.onDelete(), f.attrs());
                        break;
                    }
                }
            }
            if (!taken.add(out.name())) {
                return t;
            }
            fks.add(out);
        }
        return new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(), fks, t.checks(), t.attrs(), t.triggers());
    }
}
