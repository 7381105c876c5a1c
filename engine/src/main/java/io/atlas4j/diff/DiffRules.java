package io.atlas4j.diff;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dialect questions of a diff (Atlas's {@code DiffDriver}). {@link DiffEngine} matches nodes by
 * name and asks these rules whether two matched nodes differ. Every method has a generic default, so a
 * dialect overrides only what it spells differently. A rule may throw {@link DiffException} for a
 * difference no plan can express.
 */
public interface DiffRules {

    /** The generic rules: every default below. */
    static DiffRules generic() {
        return new DiffRules() {
        };
    }

    /**
     * Two matched tables and the names of the schemas holding them. The names differ when two
     * schema-scoped states are compared (then a reference to {@code fromSchema} on the current side
     * equals a reference to {@code toSchema} on the desired side).
     */
    record TablePair(String fromSchema, Table from, String toSchema, Table to) {
        public TablePair {
            Objects.requireNonNull(fromSchema, "fromSchema");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(toSchema, "toSchema");
            Objects.requireNonNull(to, "to");
        }

        /** Whether {@code fromRef} (current side) and {@code toRef} (desired side) name the same schema. */
        public boolean sameSchema(String fromRef, String toRef) {
            if (fromRef.equals(toRef)) {
                return true;
            }
            boolean fromOwn = fromRef.isEmpty() || fromRef.equals(fromSchema);
            boolean toOwn = toRef.isEmpty() || toRef.equals(toSchema);
            return fromOwn && toOwn;
        }
    }

    /**
     * Two index parts at the same position, with the attributes of the index (or primary key) that holds
     * them and the types of the columns they index (empty for expressions).
     */
    record PartPair(List<Attr> fromOwner, IndexPart from, Optional<ColumnType> fromType, List<Attr> toOwner,
            IndexPart to, Optional<ColumnType> toType) {
        public PartPair {
            fromOwner = List.copyOf(fromOwner);
            toOwner = List.copyOf(toOwner);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(fromType, "fromType");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(toType, "toType");
        }
    }

    /**
     * What changed in a column besides its comment and nullability (the engine compares those): type,
     * default, generation, identity, collation. Empty when nothing changed.
     *
     * @throws DiffException for a change no plan can express
     */
    default Set<ChangeKind> columnChange(TablePair tables, Column from, Column to) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (!from.type().equals(to.type())) {
            kinds.add(ChangeKind.TYPE);
        }
        if (!from.defaultValue().map(e -> e.sql().trim()).equals(to.defaultValue().map(e -> e.sql().trim()))) {
            kinds.add(ChangeKind.DEFAULT);
        }
        Optional<GeneratedExpr> fg = from.attr(GeneratedExpr.class);
        Optional<GeneratedExpr> tg = to.attr(GeneratedExpr.class);
        if (fg.isPresent() != tg.isPresent() || fg.isPresent() && (fg.get().stored() != tg.get().stored()
                || !Exprs.equivalent(fg.get().expr(), tg.get().expr()))) {
            kinds.add(ChangeKind.GENERATED);
        }
        if (!from.attr(Identity.class).equals(to.attr(Identity.class))) {
            kinds.add(ChangeKind.ATTR);
        }
        if (!from.attr(Collation.class).equals(to.attr(Collation.class))) {
            kinds.add(ChangeKind.COLLATE);
        }
        return kinds;
    }

    /** The schema attributes that changed (by default: every attribute class, compared by value). */
    default List<AttrChange> schemaAttrChanges(Schema from, Schema to) {
        return AttrDiff.byClass(from.attrs(), to.attrs(), a -> false);
    }

    /**
     * The table attribute changes ({@link TableChange.ModifyAttr}); checks, columns, keys, indexes and
     * triggers are the engine's. By default every attribute class is compared by value.
     *
     * @throws DiffException for a change no plan can express (e.g. a partition key)
     */
    default List<TableChange> tableAttrChanges(TablePair tables) {
        return AttrDiff.byClass(tables.from().attrs(), tables.to().attrs(), a -> false).stream()
                .map(c -> (TableChange) new TableChange.ModifyAttr(c)).toList();
    }

    /**
     * What changed between two matched checks: {@link ChangeKind#PARTS} for the expression,
     * {@link ChangeKind#ATTR} for the attributes. Empty when equal.
     */
    default Set<ChangeKind> checkChange(Check from, Check to) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (!Exprs.equivalent(from.expr(), to.expr())) {
            kinds.add(ChangeKind.PARTS);
        }
        if (!AttrDiff.sameSet(from.attrs(), to.attrs(), a -> false)) {
            kinds.add(ChangeKind.ATTR);
        }
        return kinds;
    }

    /** Whether index attributes other than the comment changed (type, predicate, include...). */
    default boolean indexAttrsChanged(Index from, Index to) {
        return !AttrDiff.sameSet(from.attrs(), to.attrs(), a -> a instanceof Comment);
    }

    /** Whether the attributes of two index parts at the same position differ (order of NULLs, opclass...). */
    default boolean indexPartAttrsChanged(PartPair parts) {
        return !AttrDiff.sameSet(parts.from().attrs(), parts.to().attrs(), a -> false);
    }

    /** Whether primary key attributes changed. */
    default boolean primaryKeyAttrsChanged(PrimaryKey from, PrimaryKey to) {
        return !AttrDiff.sameSet(from.attrs(), to.attrs(), a -> a instanceof Comment);
    }

    /** Whether two referential actions differ. */
    default boolean foreignKeyActionChanged(ForeignKey.Action from, ForeignKey.Action to) {
        return from != to;
    }

    /** Whether foreign key attributes (e.g. DEFERRABLE) differ. */
    default boolean foreignKeyAttrsChanged(ForeignKey from, ForeignKey to) {
        return !AttrDiff.sameSet(from.attrs(), to.attrs(), a -> false);
    }

    /**
     * Whether {@code index} has a name the database made up (so a desired index without that name may
     * be the same index).
     */
    default boolean isGeneratedIndexName(Table table, Index index) {
        return false;
    }

    /**
     * Whether a view changed (both have the same kind: regular or materialized). By default: the
     * definition up to surrounding white space and a trailing semicolon, attributes, indexes, triggers
     * and column comments.
     */
    default boolean viewChanged(View from, View to) {
        return !definition(from.definition()).equals(definition(to.definition()))
                || !AttrDiff.sameSet(from.attrs(), to.attrs(), a -> false)
                || !from.indexes().equals(to.indexes())
                || !from.triggers().equals(to.triggers())
                || !from.columns().stream().map(c -> c.name() + ":" + c.comment().orElse("")).toList()
                        .equals(to.columns().stream().map(c -> c.name() + ":" + c.comment().orElse("")).toList());
    }

    /** Whether two triggers of the same name differ. */
    default boolean triggerChanged(Trigger from, Trigger to) {
        return !from.equals(to);
    }

    /** Whether two functions of the same signature differ. */
    default boolean funcChanged(Func from, Func to) {
        return !from.equals(to);
    }

    /** Whether two procedures of the same signature differ. */
    default boolean procChanged(Proc from, Proc to) {
        return !from.equals(to);
    }

    /**
     * The schema object changes (enums, sequences, domains...): drops and modifications first, in
     * {@code from} order, then additions. Changes carry {@code schema}.
     */
    default List<SchemaChange> schemaObjectChanges(String schema, Schema from, Schema to) {
        return ObjectDiff.schemaObjects(schema, from.objects(), to.objects());
    }

    /** The realm object changes (extensions, event triggers): drops and modifications first, then additions. */
    default List<SchemaChange> realmObjectChanges(Realm from, Realm to) {
        return ObjectDiff.realmObjects(from.objects(), to.objects());
    }

    private static String definition(String sql) {
        String s = sql.trim();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }
}
