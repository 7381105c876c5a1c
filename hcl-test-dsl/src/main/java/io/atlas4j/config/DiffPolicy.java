package io.atlas4j.config;

import io.atlas4j.diff.DiffOptions;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An env's {@code diff { ... }} block (engine.md §3.14): change kinds to skip, and PostgreSQL's
 * concurrent-index policy.
 *
 * @param skip the names set to true in {@code skip { ... }}: {@code drop_table}, {@code add_column}, ...
 * @param concurrentCreate {@code concurrent_index { add|create = true }}
 * @param concurrentDrop {@code concurrent_index { drop = true }}
 */
public record DiffPolicy(Set<String> skip, boolean concurrentCreate, boolean concurrentDrop) {

    /** No policy. */
    public static final DiffPolicy NONE = new DiffPolicy(Set.of(), false, false);

    /** The names {@code skip} accepts, as Atlas's documentation lists them. */
    public static final Set<String> SKIP_NAMES = Set.of("add_schema", "drop_schema", "modify_schema", "add_table",
            "drop_table", "modify_table", "rename_table", "add_column", "drop_column", "modify_column", "rename_column",
            "add_index", "drop_index", "modify_index", "rename_index", "add_foreign_key", "drop_foreign_key",
            "modify_foreign_key", "add_check", "drop_check", "modify_check", "rename_constraint");

    private static final Map<String, Class<?>> CHANGES = Map.ofEntries(
            Map.entry("add_schema", SchemaChange.AddSchema.class),
            Map.entry("drop_schema", SchemaChange.DropSchema.class),
            Map.entry("modify_schema", SchemaChange.ModifySchema.class),
            Map.entry("add_table", SchemaChange.AddTable.class),
            Map.entry("drop_table", SchemaChange.DropTable.class),
            Map.entry("modify_table", SchemaChange.ModifyTable.class),
            Map.entry("rename_table", SchemaChange.RenameTable.class),
            Map.entry("add_column", TableChange.AddColumn.class),
            Map.entry("drop_column", TableChange.DropColumn.class),
            Map.entry("modify_column", TableChange.ModifyColumn.class),
            Map.entry("rename_column", TableChange.RenameColumn.class),
            Map.entry("add_index", TableChange.AddIndex.class),
            Map.entry("drop_index", TableChange.DropIndex.class),
            Map.entry("modify_index", TableChange.ModifyIndex.class),
            Map.entry("rename_index", TableChange.RenameIndex.class),
            Map.entry("add_foreign_key", TableChange.AddForeignKey.class),
            Map.entry("drop_foreign_key", TableChange.DropForeignKey.class),
            Map.entry("modify_foreign_key", TableChange.ModifyForeignKey.class),
            Map.entry("add_check", TableChange.AddCheck.class),
            Map.entry("drop_check", TableChange.DropCheck.class),
            Map.entry("modify_check", TableChange.ModifyCheck.class));

    public DiffPolicy {
        skip = Set.copyOf(skip);
    }

    /**
     * The engine's diff options for this policy. {@code rename_constraint} has no change of its own: the
     * engine never renames constraints (a renamed one is dropped and added), so skipping it changes nothing.
     */
    public DiffOptions toOptions() {
        Set<Class<?>> classes = new HashSet<>();
        for (String name : skip) {
            Class<?> c = CHANGES.get(name);
            if (c != null) {
                classes.add(c);
            }
        }
        return new DiffOptions(classes, concurrentCreate, concurrentDrop);
    }
}
