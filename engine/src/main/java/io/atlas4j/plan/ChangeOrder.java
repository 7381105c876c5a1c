package io.atlas4j.plan;

import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddSchema;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.SchemaChange.AddView;
import io.atlas4j.schema.change.SchemaChange.DropFunc;
import io.atlas4j.schema.change.SchemaChange.DropObject;
import io.atlas4j.schema.change.SchemaChange.DropProc;
import io.atlas4j.schema.change.SchemaChange.DropSchema;
import io.atlas4j.schema.change.SchemaChange.DropTable;
import io.atlas4j.schema.change.SchemaChange.DropView;
import io.atlas4j.schema.change.SchemaChange.ModifySchema;
import io.atlas4j.schema.change.SchemaChange.ModifyTable;
import io.atlas4j.schema.change.SchemaChange.ModifyView;
import io.atlas4j.schema.change.SchemaChange.RenameObject;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The generic ordering pipeline of a plan (spec §4.3): schema-level changes first, then foreign-key
 * cycles detached and tables ordered by their dependencies, then changes bucketed (other, views, drops)
 * and emitted depth-first so that every change follows what it depends on. Sorting is stable: changes
 * without a dependency between them keep their input order.
 */
public final class ChangeOrder {

    /** Dialect extras for the ordering. */
    public interface Hooks {

        /** Whether {@code later} must be emitted after {@code earlier}, beyond the generic rules. */
        default boolean dependsOn(SchemaChange later, SchemaChange earlier) {
            return false;
        }
    }

    /** No dialect extras. */
    public static final Hooks NONE = new Hooks() {
    };

    private ChangeOrder() {
    }

    /** {@code changes} in an order the database accepts. */
    public static List<SchemaChange> sort(List<SchemaChange> changes, Hooks hooks) {
        Objects.requireNonNull(hooks, "hooks");
        List<SchemaChange> top = new ArrayList<>();
        List<SchemaChange> rest = new ArrayList<>();
        for (SchemaChange c : changes) {
            (topLevel(c) ? top : rest).add(c);
        }
        List<SchemaChange> detached = detachCycles(rest);
        List<SchemaChange> other = new ArrayList<>();
        List<SchemaChange> views = new ArrayList<>();
        List<SchemaChange> drops = new ArrayList<>();
        for (SchemaChange c : detached) {
            if (isDrop(c)) {
                drops.add(c);
            } else if (c instanceof AddView || c instanceof ModifyView || c instanceof DropView) {
                views.add(c);
            } else {
                other.add(c);
            }
        }
        List<SchemaChange> all = new ArrayList<>(top);
        all.addAll(other);
        all.addAll(views);
        all.addAll(drops);
        return dependencyOrder(all, hooks);
    }

    /**
     * Schema-level changes are emitted first, in input order (§4.3 step 1). DropSchema is the exception:
     * it waits in the drop bucket for the changes to its tables and to FKs pointing into it, because its
     * CASCADE would otherwise remove what those changes still touch.
     */
    static boolean topLevel(SchemaChange c) {
        return c instanceof AddSchema || c instanceof ModifySchema
                || c instanceof RenameObject r && r.from() instanceof EnumType;
    }

    private static boolean isDrop(SchemaChange c) {
        return c instanceof DropSchema || c instanceof DropTable || c instanceof DropFunc || c instanceof DropProc
                || c instanceof DropObject;
    }

    /** Depth-first emission: a change's dependencies (in list order) come before it; cycles are cut. */
    static List<SchemaChange> dependencyOrder(List<SchemaChange> all, Hooks hooks) {
        int n = all.size();
        List<List<Integer>> deps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Integer> d = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (i != j && (Dependencies.dependsOn(all.get(i), all.get(j))
                        || hooks.dependsOn(all.get(i), all.get(j)))) {
                    d.add(j);
                }
            }
            deps.add(d);
        }
        byte[] state = new byte[n];
        List<SchemaChange> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            visit(i, all, deps, state, out, new ArrayList<>());
        }
        return out;
    }

    private static void visit(int i, List<SchemaChange> all, List<List<Integer>> deps, byte[] state,
            List<SchemaChange> out, List<Integer> path) {
        if (state[i] == 1) {
            viewCycle(all, path.subList(path.indexOf(i), path.size()));
            return;
        }
        if (state[i] != 0) {
            return;
        }
        state[i] = 1;
        path.add(i);
        for (int j : deps.get(i)) {
            visit(j, all, deps, state, out, path);
        }
        path.remove(path.size() - 1);
        state[i] = 2;
        out.add(all.get(i));
    }

    /**
     * A cycle made only of created or modified views can never be executed (each CREATE VIEW needs the
     * other view first), so it is an error rather than a cut: other cycles (tables, functions) are
     * resolved by the ordering rules.
     */
    private static void viewCycle(List<SchemaChange> all, List<Integer> cycle) {
        List<String> names = new ArrayList<>();
        for (int k : cycle) {
            SchemaChange c = all.get(k);
            if (c instanceof AddView v) {
                names.add(v.view().name());
            } else if (c instanceof ModifyView m) {
                names.add(m.to().name());
            } else {
                return;
            }
        }
        if (names.size() < 2) {
            return;
        }
        // The path runs from a view to the view it needs: print it in the order "a depends on b".
        StringBuilder chain = new StringBuilder();
        for (String name : names) {
            chain.append('"').append(name).append("\" -> ");
        }
        chain.append('"').append(names.get(0)).append('"');
        throw new PlanException("cycle in view dependencies: " + chain,
                "a view cannot depend on itself through other views: remove one of the references");
    }

    /**
     * Step 2 of §4.3: with a foreign-key cycle between tables, FKs of new tables move to trailing
     * {@code ModifyTable} changes and dropped tables lose their FKs first; without one, table changes are
     * ordered by the depth of their table in the FK graph.
     */
    static List<SchemaChange> detachCycles(List<SchemaChange> changes) {
        Map<String, Set<String>> graph = fkGraph(changes);
        if (!hasCycle(graph)) {
            Map<String, Integer> depth = new HashMap<>();
            List<SchemaChange> sorted = new ArrayList<>(changes);
            sorted.sort(Comparator.comparingInt(c -> {
                String key = tableKey(c);
                return key == null ? 0 : depth(key, graph, depth, new LinkedHashSet<>());
            }));
            return sorted;
        }
        List<SchemaChange> lead = new ArrayList<>();
        List<SchemaChange> body = new ArrayList<>();
        List<SchemaChange> trail = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof AddTable a) {
                List<ForeignKey> external = a.table().foreignKeys().stream()
                        .filter(fk -> !references(a.schema(), a.table().name(), fk, a.schema())).toList();
                if (external.isEmpty()) {
                    body.add(c);
                    continue;
                }
                Table bare = withForeignKeys(a.table(), a.table().foreignKeys().stream()
                        .filter(fk -> !external.contains(fk)).toList());
                body.add(new AddTable(a.schema(), bare, a.clauses()));
                trail.add(new ModifyTable(a.schema(), bare, a.table(),
                        external.stream().map(fk -> (TableChange) new TableChange.AddForeignKey(fk)).toList()));
            } else if (c instanceof ModifyTable m
                    && m.changes().stream().anyMatch(t -> t instanceof TableChange.AddForeignKey)) {
                List<TableChange> fks = m.changes().stream().filter(t -> t instanceof TableChange.AddForeignKey).toList();
                List<TableChange> others = m.changes().stream().filter(t -> !(t instanceof TableChange.AddForeignKey)).toList();
                if (!others.isEmpty()) {
                    body.add(new ModifyTable(m.schema(), m.from(), m.to(), others));
                }
                trail.add(new ModifyTable(m.schema(), m.from(), m.to(), fks));
            } else if (c instanceof DropTable d) {
                List<ForeignKey> external = d.table().foreignKeys().stream()
                        .filter(fk -> !references(d.schema(), d.table().name(), fk, d.schema())).toList();
                if (external.isEmpty()) {
                    trail.add(c);
                    continue;
                }
                Table bare = withForeignKeys(d.table(), d.table().foreignKeys().stream()
                        .filter(fk -> !external.contains(fk)).toList());
                lead.add(new ModifyTable(d.schema(), d.table(), bare,
                        external.stream().map(fk -> (TableChange) new TableChange.DropForeignKey(fk)).toList()));
                trail.add(new DropTable(d.schema(), bare, d.clauses()));
            } else {
                body.add(c);
            }
        }
        List<SchemaChange> out = new ArrayList<>(lead);
        out.addAll(body);
        out.addAll(trail);
        return out;
    }

    private static Table withForeignKeys(Table t, List<ForeignKey> fks) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.indexes(), fks, t.checks(), t.attrs(), t.triggers());
    }

    /** Child → parents among tables changed by {@code changes} (self references excluded). */
    private static Map<String, Set<String>> fkGraph(List<SchemaChange> changes) {
        Set<String> dropped = new LinkedHashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof DropTable d) {
                dropped.add(key(d.schema(), d.table().name()));
            }
        }
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof AddTable a) {
                String child = key(a.schema(), a.table().name());
                for (ForeignKey fk : a.table().foreignKeys()) {
                    edge(graph, child, key(refSchema(fk, a.schema()), fk.refTable()));
                }
            } else if (c instanceof DropTable d) {
                String child = key(d.schema(), d.table().name());
                for (ForeignKey fk : d.table().foreignKeys()) {
                    String parent = key(refSchema(fk, d.schema()), fk.refTable());
                    if (dropped.contains(parent)) {
                        edge(graph, child, parent);
                    }
                }
            } else if (c instanceof ModifyTable m) {
                String child = key(m.schema(), m.to().name());
                for (TableChange t : m.changes()) {
                    if (t instanceof TableChange.AddForeignKey af) {
                        edge(graph, child, key(refSchema(af.key(), m.schema()), af.key().refTable()));
                    } else if (t instanceof TableChange.ModifyForeignKey mf) {
                        edge(graph, child, key(refSchema(mf.to(), m.schema()), mf.to().refTable()));
                    } else if (t instanceof TableChange.DropForeignKey df) {
                        String parent = key(refSchema(df.key(), m.schema()), df.key().refTable());
                        if (dropped.contains(parent)) {
                            edge(graph, child, parent);
                        }
                    }
                }
            }
        }
        return graph;
    }

    private static void edge(Map<String, Set<String>> graph, String child, String parent) {
        if (!child.equals(parent)) {
            graph.computeIfAbsent(child, k -> new LinkedHashSet<>()).add(parent);
        }
    }

    private static boolean hasCycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new HashMap<>();
        for (String node : graph.keySet()) {
            if (cycleFrom(node, graph, state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cycleFrom(String node, Map<String, Set<String>> graph, Map<String, Integer> state) {
        int s = state.getOrDefault(node, 0);
        if (s == 1) {
            return true;
        }
        if (s == 2) {
            return false;
        }
        state.put(node, 1);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (cycleFrom(next, graph, state)) {
                return true;
            }
        }
        state.put(node, 2);
        return false;
    }

    private static int depth(String node, Map<String, Set<String>> graph, Map<String, Integer> memo, Set<String> path) {
        Integer known = memo.get(node);
        if (known != null) {
            return known;
        }
        if (!path.add(node)) {
            return 0;
        }
        int d = 0;
        for (String parent : graph.getOrDefault(node, Set.of())) {
            d = Math.max(d, 1 + depth(parent, graph, memo, path));
        }
        path.remove(node);
        memo.put(node, d);
        return d;
    }

    private static String tableKey(SchemaChange c) {
        if (c instanceof AddTable a) {
            return key(a.schema(), a.table().name());
        }
        if (c instanceof DropTable d) {
            return key(d.schema(), d.table().name());
        }
        if (c instanceof ModifyTable m) {
            return key(m.schema(), m.to().name());
        }
        return null;
    }

    static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    /** The schema of {@code fk}'s parent: its own when set, else the child's. */
    static String refSchema(ForeignKey fk, String childSchema) {
        return fk.refSchema().isEmpty() ? childSchema : fk.refSchema();
    }

    private static boolean references(String schema, String table, ForeignKey fk, String childSchema) {
        return fk.refTable().equals(table) && Dependencies.sameSchema(refSchema(fk, childSchema), schema);
    }
}
