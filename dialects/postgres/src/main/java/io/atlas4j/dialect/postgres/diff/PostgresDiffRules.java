package io.atlas4j.dialect.postgres.diff;

import io.atlas4j.diff.AttrDiff;
import io.atlas4j.diff.DiffException;
import io.atlas4j.diff.DiffRules;
import io.atlas4j.diff.Exprs;
import io.atlas4j.diff.ObjectDiff;
import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresAttrs.ExcludeOperator;
import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.NoInherit;
import io.atlas4j.dialect.postgres.PostgresAttrs.NullsNotDistinct;
import io.atlas4j.dialect.postgres.PostgresAttrs.OpClass;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.dialect.postgres.PostgresAttrs.RowSecurity;
import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresTypes;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Attrs;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.EnumRef;
import io.atlas4j.schema.ColumnType.UnsupportedType;
import io.atlas4j.schema.ColumnType.UserTypeRef;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's answers to the diff questions (Atlas's {@code postgres} diff driver): type equality by
 * canonical spelling, defaults equal up to casts, identity and generated columns, index methods,
 * predicates, INCLUDE, storage parameters and operator classes, comments, partitions and row security.
 */
public final class PostgresDiffRules implements DiffRules {

    /** Routines compare their attributes as a set: HCL and the catalog list them in different orders. */
    @Override
    public boolean funcChanged(io.atlas4j.schema.Func from, io.atlas4j.schema.Func to) {
        return !new io.atlas4j.schema.Func(from.name(), from.args(), from.returns(), from.body(), from.lang(), List.of())
                .equals(new io.atlas4j.schema.Func(to.name(), to.args(), to.returns(), to.body(), to.lang(), List.of()))
                || !AttrDiff.sameSet(from.attrs(), to.attrs(), a -> false);
    }

    @Override
    public boolean procChanged(io.atlas4j.schema.Proc from, io.atlas4j.schema.Proc to) {
        return !new io.atlas4j.schema.Proc(from.name(), from.args(), from.body(), from.lang(), List.of())
                .equals(new io.atlas4j.schema.Proc(to.name(), to.args(), to.body(), to.lang(), List.of()))
                || !AttrDiff.sameSet(from.attrs(), to.attrs(), a -> false);
    }

    /**
     * Aggregates name their support functions as HCL does (bare when in the aggregate's own schema) or as the
     * catalog prints them ({@code app.f} when {@code app} is off the search path): compared in the bare form.
     */
    @Override
    public List<SchemaChange> schemaObjectChanges(String schema, Schema from, Schema to) {
        return ObjectDiff.schemaObjects(schema, ownFunctions(from), ownFunctions(to));
    }

    private static List<SchemaObject> ownFunctions(Schema s) {
        String prefix = s.name() + ".";
        return s.objects().stream().map(o -> o instanceof Aggregate a
                ? (SchemaObject) new Aggregate(a.name(), a.args(), strip(a.stateFunc(), prefix), a.stateType(),
                        a.finalFunc().map(f -> strip(f, prefix)), a.initCond(), a.attrs())
                : o).toList();
    }

    private static String strip(String function, String prefix) {
        return function.startsWith(prefix) ? function.substring(prefix.length()) : function;
    }

    /** The comment PostgreSQL puts on {@code public}; it is never diffed. */
    static final String PUBLIC_COMMENT = "standard public schema";

    private static final IndexStorageParams DEFAULT_STORAGE = new IndexStorageParams(false, 128);
    private static final RowSecurity NO_ROW_SECURITY = new RowSecurity(false, false);

    @Override
    public Set<ChangeKind> columnChange(TablePair tables, Column from, Column to) {
        String where = "column \"" + to.name() + "\" of table \"" + tables.to().name() + "\"";
        if (to.type() instanceof SerialType s && to.nullable()) {
            throw new DiffException(where + " is " + s.spelling() + " and cannot be nullable",
                    "declare the column NOT NULL, or use an integer type with a nullable default");
        }
        Set<ChangeKind> kinds = ChangeKind.none();
        if (typeChanged(tables, from.type(), to.type())
                || !from.attr(Collation.class).equals(to.attr(Collation.class))) {
            // A collation is changed with ALTER COLUMN ... TYPE ... COLLATE, so it is a type change.
            kinds.add(ChangeKind.TYPE);
        }
        if (defaultChanged(from, to)) {
            kinds.add(ChangeKind.DEFAULT);
        }
        if (!from.attr(Identity.class).equals(to.attr(Identity.class))) {
            kinds.add(ChangeKind.ATTR);
        }
        Optional<GeneratedExpr> g1 = from.attr(GeneratedExpr.class);
        Optional<GeneratedExpr> g2 = to.attr(GeneratedExpr.class);
        if (g1.isPresent() && g2.isEmpty()) {
            kinds.add(ChangeKind.GENERATED);
        } else if (g1.isEmpty() && g2.isPresent()) {
            throw new DiffException("changing " + where + " to a generated column is not supported",
                    "drop the column and add it again as a generated column");
        } else if (g1.isPresent() && !Exprs.equivalent(g1.get().expr(), g2.get().expr())) {
            throw new DiffException("changing the generation expression of " + where + " from "
                    + g1.get().expr() + " to " + g2.get().expr() + " is not supported",
                    "drop the column and add it again with the new expression");
        }
        return kinds;
    }

    /**
     * Types differ when their kinds differ or their canonical spellings differ; named types compare by
     * name, and by schema when both sides name one.
     */
    static boolean typeChanged(TablePair tables, ColumnType a, ColumnType b) {
        // A user type may come as a reference (enum.x, domain.x), or as raw text: sql("public.citext") reads as a
        // reference where the inspector, not knowing an extension's type, keeps the catalog's spelling.
        Optional<String[]> n1 = userType(a, isRef(b));
        Optional<String[]> n2 = userType(b, isRef(a));
        if (n1.isPresent() && n2.isPresent() && (isRef(a) || isRef(b))) {
            return namedChanged(tables, n1.get()[0], n1.get()[1], n2.get()[0], n2.get()[1]);
        }
        if (a.getClass() != b.getClass()) {
            return true;
        }
        if (a instanceof EnumRef e1 && b instanceof EnumRef e2) {
            return namedChanged(tables, e1.schema(), e1.name(), e2.schema(), e2.name());
        }
        if (a instanceof UserTypeRef u1 && b instanceof UserTypeRef u2) {
            return namedChanged(tables, u1.schema(), u1.name(), u2.schema(), u2.name());
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return typeChanged(tables, x.element(), y.element());
        }
        if (a instanceof SerialType s1 && b instanceof SerialType s2) {
            // The owned sequence's name is not part of the type (Atlas compares "serial" to "serial").
            return s1.bits() != s2.bits();
        }
        if (a instanceof UnsupportedType u1 && b instanceof UnsupportedType u2) {
            return !spelling(u1.raw()).equals(spelling(u2.raw()));
        }
        if (a instanceof ColumnType.DialectType) {
            return !a.equals(b);
        }
        try {
            return !PostgresTypes.format(a).equals(PostgresTypes.format(b));
        } catch (IllegalArgumentException e) {
            return !a.equals(b);
        }
    }

    private static boolean isRef(ColumnType t) {
        return t instanceof EnumRef || t instanceof UserTypeRef;
    }

    /** Schema and name of a user type reference, or of raw text naming one ({@code s.t}, or {@code t} if bare). */
    private static Optional<String[]> userType(ColumnType t, boolean bare) {
        if (t instanceof EnumRef e) {
            return Optional.of(new String[] {e.schema(), e.name()});
        }
        if (t instanceof UserTypeRef u) {
            return Optional.of(new String[] {u.schema(), u.name()});
        }
        if (t instanceof UnsupportedType u) {
            java.util.regex.Matcher m = USER_TYPE.matcher(u.raw().trim());
            if (m.matches() && (m.group(1) != null || bare)) {
                return Optional.of(new String[] {m.group(1) == null ? "" : m.group(1), m.group(2)});
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern USER_TYPE =
            java.util.regex.Pattern.compile("(?:([a-z_][a-z0-9_$]*)\\.)?([a-z_][a-z0-9_$]*)");

    private static boolean namedChanged(TablePair tables, String s1, String n1, String s2, String n2) {
        if (!n1.equals(n2)) {
            return true;
        }
        return !s1.isEmpty() && !s2.isEmpty() && !tables.sameSchema(s1, s2);
    }

    private static String spelling(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /**
     * Defaults compared up to casts and quoting. A serial column's default is its sequence, so a
     * serial transition is not also a default change unless the other side sets a real default.
     */
    private static boolean defaultChanged(Column from, Column to) {
        boolean serial = from.type() instanceof SerialType || to.type() instanceof SerialType;
        if (serial) {
            Optional<io.atlas4j.schema.Expr> other = from.type() instanceof SerialType ? to.defaultValue()
                    : from.defaultValue();
            if (other.isEmpty() || other.get().sql().trim().toLowerCase(Locale.ROOT).startsWith("nextval(")) {
                return false;
            }
        }
        return DefaultValues.changed(from.defaultValue(), to.defaultValue());
    }

    @Override
    public List<AttrChange> schemaAttrChanges(Schema from, Schema to) {
        return AttrDiff.comment(schemaComment(from), schemaComment(to)).stream().toList();
    }

    /** The schema's comment, except PostgreSQL's own comment on {@code public}. */
    private static List<Attr> schemaComment(Schema s) {
        Optional<Comment> c = Attrs.find(s.attrs(), Comment.class);
        if (c.isEmpty() || s.name().equals("public") && c.get().text().equals(PUBLIC_COMMENT)) {
            return List.of();
        }
        return List.of(c.get());
    }

    @Override
    public List<TableChange> tableAttrChanges(TablePair tables) {
        Table from = tables.from();
        Table to = tables.to();
        Optional<Partition> p1 = from.attr(Partition.class);
        Optional<Partition> p2 = to.attr(Partition.class);
        if (p1.isPresent() != p2.isPresent() || p1.isPresent() && !samePartition(p1.get(), p2.get())) {
            String what = p1.isEmpty() ? "adding a partition key to" : p2.isEmpty() ? "dropping the partition key of"
                    : "changing the partition key of";
            throw new DiffException(what + " table \"" + to.name() + "\" is not supported",
                    "drop the table and create it again with the new partitioning");
        }
        List<TableChange> changes = new ArrayList<>();
        AttrDiff.comment(from.attrs(), to.attrs()).ifPresent(c -> changes.add(new TableChange.ModifyAttr(c)));
        RowSecurity r1 = from.attr(RowSecurity.class).orElse(NO_ROW_SECURITY);
        RowSecurity r2 = to.attr(RowSecurity.class).orElse(NO_ROW_SECURITY);
        if (!r1.equals(r2)) {
            changes.add(new TableChange.ModifyAttr(new AttrChange(Optional.of(r1), Optional.of(r2))));
        }
        return changes;
    }

    private static boolean samePartition(Partition a, Partition b) {
        if (a.strategy() != b.strategy() || a.keys().size() != b.keys().size()) {
            return false;
        }
        for (int i = 0; i < a.keys().size(); i++) {
            PartitionKey k1 = a.keys().get(i);
            PartitionKey k2 = b.keys().get(i);
            if (!k1.column().equals(k2.column()) || k1.expr().isPresent() != k2.expr().isPresent()
                    || k1.expr().isPresent() && !Exprs.equivalent(k1.expr().get(), k2.expr().get())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<ChangeKind> checkChange(Check from, Check to) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (!Exprs.equivalent(from.expr(), to.expr())) {
            kinds.add(ChangeKind.PARTS);
        }
        if (from.attr(NoInherit.class).isPresent() != to.attr(NoInherit.class).isPresent()) {
            kinds.add(ChangeKind.ATTR);
        }
        return kinds;
    }

    @Override
    public boolean indexAttrsChanged(Index from, Index to) {
        if (!method(from.attrs()).equals(method(to.attrs()))) {
            return true;
        }
        if (from.attr(NullsNotDistinct.class).isPresent() != to.attr(NullsNotDistinct.class).isPresent()) {
            return true;
        }
        if (!from.attr(IndexConstraint.class).equals(to.attr(IndexConstraint.class))) {
            return true;
        }
        Optional<String> w1 = from.predicate();
        Optional<String> w2 = to.predicate();
        if (w1.isPresent() != w2.isPresent() || w1.isPresent() && !Exprs.equivalent(w1.get(), w2.get())) {
            return true;
        }
        if (!include(from).equals(include(to))) {
            return true;
        }
        return !from.attr(IndexStorageParams.class).map(PostgresDiffRules::storage).orElse(DEFAULT_STORAGE)
                .equals(to.attr(IndexStorageParams.class).map(PostgresDiffRules::storage).orElse(DEFAULT_STORAGE));
    }

    private static List<String> include(Index index) {
        return index.attr(IndexInclude.class).map(IndexInclude::columns).orElse(List.of());
    }

    /** Storage parameters with PostgreSQL's defaults filled in (a non-positive page count is unset). */
    private static IndexStorageParams storage(IndexStorageParams p) {
        return new IndexStorageParams(p.autosummarize(), p.pagesPerRange() > 0 ? p.pagesPerRange() : 128);
    }

    /** The access method, lower case; {@code btree} when absent. */
    static String method(List<Attr> ownerAttrs) {
        return Attrs.find(ownerAttrs, IndexType.class).map(t -> t.name().toLowerCase(Locale.ROOT)).orElse("btree");
    }

    @Override
    public boolean indexPartAttrsChanged(PartPair parts) {
        IndexPart a = parts.from();
        IndexPart b = parts.to();
        // NULLS LAST is the default of ASC and NULLS FIRST of DESC.
        boolean nullsFirst1 = a.attrs().stream().filter(NullsOrder.class::isInstance).map(NullsOrder.class::cast)
                .findFirst().map(NullsOrder::first).orElse(a.desc());
        boolean nullsFirst2 = b.attrs().stream().filter(NullsOrder.class::isInstance).map(NullsOrder.class::cast)
                .findFirst().map(NullsOrder::first).orElse(b.desc());
        if (nullsFirst1 != nullsFirst2) {
            return true;
        }
        if (!Attrs.find(a.attrs(), Collation.class).equals(Attrs.find(b.attrs(), Collation.class))) {
            return true;
        }
        if (isExclude(parts.fromOwner()) || isExclude(parts.toOwner())) {
            // An EXCLUDE part is identified by its operator rather than its operator class.
            return !Attrs.find(a.attrs(), ExcludeOperator.class).equals(Attrs.find(b.attrs(), ExcludeOperator.class));
        }
        Optional<OpClass> o1 = Attrs.find(a.attrs(), OpClass.class);
        Optional<OpClass> o2 = Attrs.find(b.attrs(), OpClass.class);
        if (o1.isPresent() && o2.isPresent()) {
            return !o1.get().name().equalsIgnoreCase(o2.get().name()) || !o1.get().params().equals(o2.get().params());
        }
        if (o1.isPresent()) {
            return !isDefault(method(parts.fromOwner()), parts.fromType(), o1.get());
        }
        if (o2.isPresent()) {
            return !isDefault(method(parts.toOwner()), parts.toType(), o2.get());
        }
        return false;
    }

    private static boolean isDefault(String method, Optional<ColumnType> type, OpClass opclass) {
        return opclass.params().isEmpty() && DefaultOpClasses.isDefault(method, type, opclass.name());
    }

    private static boolean isExclude(List<Attr> ownerAttrs) {
        return Attrs.find(ownerAttrs, IndexConstraint.class).map(c -> c.kind() == IndexConstraint.Kind.EXCLUDE)
                .orElse(false);
    }

    @Override
    public boolean primaryKeyAttrsChanged(PrimaryKey from, PrimaryKey to) {
        return !from.attr(IndexInclude.class).map(IndexInclude::columns).orElse(List.of())
                .equals(to.attr(IndexInclude.class).map(IndexInclude::columns).orElse(List.of()));
    }

    /** PostgreSQL names unnamed UNIQUE constraints {@code <table>_<columns>_key[N]}. */
    @Override
    public boolean isGeneratedIndexName(Table table, Index index) {
        List<String> columns = new ArrayList<>();
        for (IndexPart p : index.parts()) {
            if (p.column().isEmpty()) {
                // Expression indexes are named <table>_expr_idx and never come from a constraint.
                return false;
            }
            columns.add(p.column().get());
        }
        String prefix = table.name() + "_" + String.join("_", columns) + "_key";
        String name = index.name();
        if (name.equals(prefix)) {
            return true;
        }
        return name.startsWith(prefix) && name.substring(prefix.length()).matches("[1-9][0-9]*");
    }
}
