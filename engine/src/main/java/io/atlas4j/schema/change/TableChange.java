package io.atlas4j.schema.change;

import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Trigger;
import java.util.Objects;
import java.util.Set;

/** A change inside one table, nested in {@link SchemaChange.ModifyTable}. */
public sealed interface TableChange {

    /** A column to add. */
    record AddColumn(Column column) implements TableChange {
    }

    /** A column to drop. */
    record DropColumn(Column column) implements TableChange {
    }

    /** A column whose {@code kinds} changed from {@code from} to {@code to}. */
    record ModifyColumn(Column from, Column to, Set<ChangeKind> kinds) implements TableChange {
        public ModifyColumn {
            kinds = Set.copyOf(kinds);
        }
    }

    /**
     * A column renamed. Other changes to it come as a {@link ModifyColumn} under the old name, before the
     * rename, since PostgreSQL plans renames after the table's ALTER (E40).
     */
    record RenameColumn(Column from, Column to) implements TableChange {
    }

    /** An index to create. */
    record AddIndex(Index index, Set<Clause> clauses) implements TableChange {
        public AddIndex {
            clauses = Set.copyOf(clauses);
        }

        public AddIndex(Index index) {
            this(index, Set.of());
        }
    }

    /** An index to drop. */
    record DropIndex(Index index, Set<Clause> clauses) implements TableChange {
        public DropIndex {
            clauses = Set.copyOf(clauses);
        }

        public DropIndex(Index index) {
            this(index, Set.of());
        }
    }

    /** An index whose {@code kinds} changed. */
    record ModifyIndex(Index from, Index to, Set<ChangeKind> kinds) implements TableChange {
        public ModifyIndex {
            kinds = Set.copyOf(kinds);
        }
    }

    /** An index renamed. */
    record RenameIndex(Index from, Index to) implements TableChange {
    }

    /** A primary key to add. */
    record AddPrimaryKey(PrimaryKey key) implements TableChange {
    }

    /** A primary key to drop. */
    record DropPrimaryKey(PrimaryKey key) implements TableChange {
    }

    /** A primary key whose {@code kinds} changed. */
    record ModifyPrimaryKey(PrimaryKey from, PrimaryKey to, Set<ChangeKind> kinds) implements TableChange {
        public ModifyPrimaryKey {
            kinds = Set.copyOf(kinds);
        }
    }

    /** A foreign key to add. */
    record AddForeignKey(ForeignKey key, Set<Clause> clauses) implements TableChange {
        public AddForeignKey {
            clauses = Set.copyOf(clauses);
        }

        public AddForeignKey(ForeignKey key) {
            this(key, Set.of());
        }
    }

    /** A foreign key to drop. */
    record DropForeignKey(ForeignKey key) implements TableChange {
    }

    /** A foreign key whose {@code kinds} changed. */
    record ModifyForeignKey(ForeignKey from, ForeignKey to, Set<ChangeKind> kinds) implements TableChange {
        public ModifyForeignKey {
            kinds = Set.copyOf(kinds);
        }
    }

    /** A check to add. */
    record AddCheck(Check check) implements TableChange {
    }

    /** A check to drop. */
    record DropCheck(Check check) implements TableChange {
    }

    /** A check whose expression or attributes changed. */
    record ModifyCheck(Check from, Check to, Set<ChangeKind> kinds) implements TableChange {
        public ModifyCheck {
            kinds = Set.copyOf(kinds);
        }
    }

    /** A table attribute added, dropped or changed (comment, partition, row security, ...). */
    record ModifyAttr(AttrChange change) implements TableChange {
        public ModifyAttr {
            Objects.requireNonNull(change, "change");
        }
    }

    /** A trigger to create. */
    record AddTrigger(Trigger trigger) implements TableChange {
    }

    /** A trigger to drop. */
    record DropTrigger(Trigger trigger) implements TableChange {
    }

    /** A trigger to replace. */
    record ModifyTrigger(Trigger from, Trigger to) implements TableChange {
    }
}
