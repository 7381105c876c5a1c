package io.atlas4j.schema.change;

import io.atlas4j.schema.Func;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.View;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A change at realm or schema level. {@code schema} names the schema a change applies to; the
 * planner qualifies names with it unless the plan is schema-scoped.
 */
public sealed interface SchemaChange {

    /** A schema to create with everything in it (its contents come as separate changes). */
    record AddSchema(Schema schema, Set<Clause> clauses) implements SchemaChange {
        public AddSchema {
            clauses = Set.copyOf(clauses);
        }
    }

    /** A schema to drop. */
    record DropSchema(Schema schema, Set<Clause> clauses) implements SchemaChange {
        public DropSchema {
            clauses = Set.copyOf(clauses);
        }
    }

    /** Schema attributes that changed. */
    record ModifySchema(Schema schema, List<AttrChange> changes) implements SchemaChange {
        public ModifySchema {
            changes = List.copyOf(changes);
        }
    }

    /** A table to create, with its indexes, keys, checks, comments and triggers. */
    record AddTable(String schema, Table table, Set<Clause> clauses) implements SchemaChange {
        public AddTable {
            Objects.requireNonNull(schema, "schema");
            clauses = Set.copyOf(clauses);
        }

        public AddTable(String schema, Table table) {
            this(schema, table, Set.of());
        }
    }

    /** A table to drop. */
    record DropTable(String schema, Table table, Set<Clause> clauses) implements SchemaChange {
        public DropTable {
            Objects.requireNonNull(schema, "schema");
            clauses = Set.copyOf(clauses);
        }

        public DropTable(String schema, Table table) {
            this(schema, table, Set.of());
        }
    }

    /** A table whose contents changed: {@code from} is the current table, {@code to} the desired one. */
    record ModifyTable(String schema, Table from, Table to, List<TableChange> changes) implements SchemaChange {
        public ModifyTable {
            Objects.requireNonNull(schema, "schema");
            changes = List.copyOf(changes);
        }
    }

    /** A table renamed. */
    record RenameTable(String schema, Table from, Table to) implements SchemaChange {
    }

    /** A view (or materialized view) to create. */
    record AddView(String schema, View view) implements SchemaChange {
    }

    /** A view to drop. */
    record DropView(String schema, View view) implements SchemaChange {
    }

    /** A view whose definition or attributes changed. */
    record ModifyView(String schema, View from, View to) implements SchemaChange {
    }

    /** A function to create. */
    record AddFunc(String schema, Func func) implements SchemaChange {
    }

    /** A function to drop. */
    record DropFunc(String schema, Func func) implements SchemaChange {
    }

    /** A function to replace. */
    record ModifyFunc(String schema, Func from, Func to) implements SchemaChange {
    }

    /** A procedure to create. */
    record AddProc(String schema, Proc proc) implements SchemaChange {
    }

    /** A procedure to drop. */
    record DropProc(String schema, Proc proc) implements SchemaChange {
    }

    /** A procedure to replace. */
    record ModifyProc(String schema, Proc from, Proc to) implements SchemaChange {
    }

    /** A schema object (enum, domain, sequence, policy, ...) to create. */
    record AddObject(String schema, SchemaObject object) implements SchemaChange {
    }

    /** A schema object to drop. */
    record DropObject(String schema, SchemaObject object) implements SchemaChange {
    }

    /** A schema object that changed. */
    record ModifyObject(String schema, SchemaObject from, SchemaObject to) implements SchemaChange {
    }

    /** A schema object renamed. */
    record RenameObject(String schema, SchemaObject from, SchemaObject to) implements SchemaChange {
    }

    /** A database-wide object (extension, event trigger) to create. */
    record AddRealmObject(RealmObject object) implements SchemaChange {
    }

    /** A database-wide object to drop. */
    record DropRealmObject(RealmObject object) implements SchemaChange {
    }

    /** A database-wide object that changed. */
    record ModifyRealmObject(RealmObject from, RealmObject to) implements SchemaChange {
    }
}
