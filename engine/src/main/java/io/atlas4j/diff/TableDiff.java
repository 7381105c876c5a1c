package io.atlas4j.diff;

import io.atlas4j.diff.DiffRules.PartPair;
import io.atlas4j.diff.DiffRules.TablePair;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diff of two matched tables (Atlas's {@code tableDiff}): attributes, checks, columns, primary key,
 * indexes, foreign keys, triggers, in that order. Column order is not compared.
 */
final class TableDiff {

    private final DiffRules rules;

    TableDiff(DiffRules rules) {
        this.rules = rules;
    }

    List<TableChange> diff(TablePair pair) {
        return diff(pair, Renames.of(DiffOptions.DEFAULT, false));
    }

    /** The changes of a matched pair, following the renames that match (of columns, indexes, referenced tables). */
    List<TableChange> diff(TablePair pair, Renames renames) {
        Ctx ctx = new Ctx(pair, renames, renames.columns(pair.toSchema(), pair.to().name()),
                renames.indexes(pair.toSchema(), pair.from(), pair.to()));
        List<TableChange> changes = new ArrayList<>(rules.tableAttrChanges(pair));
        checks(pair.from(), pair.to(), ctx.columns(), changes);
        columns(ctx, changes);
        primaryKey(ctx, changes);
        indexes(ctx, changes);
        foreignKeys(ctx, changes);
        triggers(pair.from(), pair.to(), changes);
        return changes;
    }

    /**
     * One pair with the renames that apply to it: {@code columns} and {@code indexes} map current names to
     * desired names.
     */
    private record Ctx(TablePair pair, Renames renames, Map<String, String> columns, Map<String, String> indexes) {
        /** The desired name of the current column {@code name}. */
        String column(String name) {
            return columns.getOrDefault(name, name);
        }
    }

    /**
     * Columns by name. A renamed column is a {@link TableChange.RenameColumn}; its other changes come first
     * as a {@link TableChange.ModifyColumn} that still names the column by its current name, because
     * planners rename after the table's ALTER (E40).
     */
    private void columns(Ctx ctx, List<TableChange> changes) {
        TablePair pair = ctx.pair();
        Table from = pair.from();
        Table to = pair.to();
        for (Column c1 : from.columns()) {
            String target = ctx.column(c1.name());
            Optional<Column> c2 = to.column(target);
            if (c2.isEmpty()) {
                changes.add(new TableChange.DropColumn(c1));
                continue;
            }
            boolean rename = !target.equals(c1.name());
            Column desired = rename ? named(c2.get(), c1.name()) : c2.get();
            Set<ChangeKind> kinds = ChangeKind.none();
            if (!c1.comment().orElse("").equals(desired.comment().orElse(""))) {
                kinds.add(ChangeKind.COMMENT);
            }
            if (c1.nullable() != desired.nullable()) {
                kinds.add(ChangeKind.NULL);
            }
            kinds.addAll(rules.columnChange(pair, c1, desired));
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyColumn(c1, desired, kinds));
            }
            if (rename) {
                changes.add(new TableChange.RenameColumn(c1, c2.get()));
            }
        }
        for (Column c2 : to.columns()) {
            if (from.column(c2.name()).isEmpty() && !ctx.columns().containsValue(c2.name())) {
                changes.add(new TableChange.AddColumn(c2));
            }
        }
    }

    private static Column named(Column c, String name) {
        return new Column(name, c.type(), c.nullable(), c.defaultValue(), c.attrs());
    }

    /**
     * Checks: by name when both are named, otherwise by expression (Atlas's NORMALIZED mode). Current
     * expressions are compared with renamed columns under their new names.
     */
    private void checks(Table from, Table to, Map<String, String> renamed, List<TableChange> changes) {
        List<Check> desired = new ArrayList<>(to.checks());
        for (Check original : from.checks()) {
            Check c1 = renamed.isEmpty() ? original
                    : new Check(original.name(), Renames.renameColumns(original.expr(), renamed), original.attrs());
            Check c2 = null;
            if (!c1.name().isEmpty()) {
                c2 = desired.stream().filter(c -> c.name().equals(c1.name())).findFirst().orElse(null);
            }
            if (c2 == null) {
                c2 = desired.stream()
                        .filter(c -> (c1.name().isEmpty() || c.name().isEmpty()) && Exprs.equivalent(c.expr(), c1.expr()))
                        .findFirst().orElse(null);
            }
            if (c2 == null) {
                changes.add(new TableChange.DropCheck(original));
                continue;
            }
            desired.remove(c2);
            Set<ChangeKind> kinds = rules.checkChange(c1, c2);
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyCheck(original, c2, kinds));
            }
        }
        for (Check c2 : desired) {
            changes.add(new TableChange.AddCheck(c2));
        }
    }

    private void primaryKey(Ctx ctx, List<TableChange> changes) {
        TablePair pair = ctx.pair();
        Optional<PrimaryKey> p1 = pair.from().primaryKey();
        Optional<PrimaryKey> p2 = pair.to().primaryKey();
        if (p1.isPresent() && p2.isEmpty()) {
            changes.add(new TableChange.DropPrimaryKey(p1.get()));
        } else if (p1.isEmpty() && p2.isPresent()) {
            changes.add(new TableChange.AddPrimaryKey(p2.get()));
        } else if (p1.isPresent()) {
            Set<ChangeKind> kinds = ChangeKind.none();
            if (partsChanged(ctx, p1.get().attrs(), p1.get().parts(), p2.get().attrs(), p2.get().parts())) {
                kinds.add(ChangeKind.PARTS);
            }
            if (rules.primaryKeyAttrsChanged(p1.get(), p2.get())) {
                kinds.add(ChangeKind.ATTR);
            }
            // A primary key is unique by definition: ChangeUnique never applies (Atlas masks it out).
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyPrimaryKey(p1.get(), p2.get(), kinds));
            }
        }
    }

    /**
     * Indexes by name. A renamed index whose definition is unchanged (its comment aside) is a
     * {@link TableChange.RenameIndex}, with the comment change after it; otherwise it is dropped and added.
     */
    private void indexes(Ctx ctx, List<TableChange> changes) {
        TablePair pair = ctx.pair();
        List<Index> desired = new ArrayList<>(pair.to().indexes());
        for (Index i1 : pair.from().indexes()) {
            String target = ctx.indexes().get(i1.name());
            if (target != null) {
                Index i2 = desired.stream().filter(i -> i.name().equals(target)).findFirst().orElseThrow();
                desired.remove(i2);
                Set<ChangeKind> kinds = indexChange(ctx, i1, i2);
                if (kinds.isEmpty() || kinds.equals(Set.of(ChangeKind.COMMENT))) {
                    changes.add(new TableChange.RenameIndex(i1, i2));
                    if (!kinds.isEmpty()) {
                        changes.add(new TableChange.ModifyIndex(i1, i2, kinds));
                    }
                } else {
                    changes.add(new TableChange.DropIndex(i1));
                    changes.add(new TableChange.AddIndex(i2));
                }
                continue;
            }
            Optional<Index> i2 = desired.stream().filter(i -> i.name().equals(i1.name())).findFirst();
            if (i2.isPresent()) {
                desired.remove(i2.get());
                Set<ChangeKind> kinds = indexChange(ctx, i1, i2.get());
                if (!kinds.isEmpty()) {
                    changes.add(new TableChange.ModifyIndex(i1, i2.get(), kinds));
                }
                continue;
            }
            if (rules.isGeneratedIndexName(pair.from(), i1)) {
                // A database-made name: the desired side may declare the same index without a name.
                Optional<Index> same = desired.stream()
                        .filter(i -> pair.from().index(i.name()).isEmpty() && !ctx.indexes().containsValue(i.name())
                                && (i.name().isEmpty() || rules.isGeneratedIndexName(pair.to(), i)))
                        .filter(i -> i.unique() == i1.unique()
                                && !partsChanged(ctx, i1.attrs(), i1.parts(), i.attrs(), i.parts()))
                        .findFirst();
                if (same.isPresent()) {
                    desired.remove(same.get());
                    continue;
                }
            }
            changes.add(new TableChange.DropIndex(i1));
        }
        for (Index i2 : desired) {
            changes.add(new TableChange.AddIndex(i2));
        }
    }

    private Set<ChangeKind> indexChange(Ctx ctx, Index i1, Index i2) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (i1.unique() != i2.unique()) {
            kinds.add(ChangeKind.UNIQUE);
        }
        if (rules.indexAttrsChanged(renamedAttrs(ctx, i1), i2)) {
            kinds.add(ChangeKind.ATTR);
        }
        if (partsChanged(ctx, i1.attrs(), i1.parts(), i2.attrs(), i2.parts())) {
            kinds.add(ChangeKind.PARTS);
        }
        if (!i1.attr(Comment.class).map(Comment::text).orElse("")
                .equals(i2.attr(Comment.class).map(Comment::text).orElse(""))) {
            kinds.add(ChangeKind.COMMENT);
        }
        return kinds;
    }

    /** {@code index} with its predicate and included columns naming renamed columns by their new names. */
    private static Index renamedAttrs(Ctx ctx, Index index) {
        if (ctx.columns().isEmpty()) {
            return index;
        }
        List<Attr> attrs = new ArrayList<>();
        for (Attr a : index.attrs()) {
            if (a instanceof IndexPredicate p) {
                attrs.add(new IndexPredicate(Renames.renameColumns(p.expr(), ctx.columns())));
            } else if (a instanceof IndexInclude inc) {
                attrs.add(new IndexInclude(inc.columns().stream().map(ctx::column).toList()));
            } else {
                attrs.add(a);
            }
        }
        return new Index(index.name(), index.unique(), index.parts(), attrs);
    }

    private boolean partsChanged(Ctx ctx, List<Attr> owner1, List<IndexPart> parts1, List<Attr> owner2,
            List<IndexPart> parts2) {
        if (parts1.size() != parts2.size()) {
            return true;
        }
        for (int i = 0; i < parts1.size(); i++) {
            IndexPart a = parts1.get(i);
            IndexPart b = parts2.get(i);
            if (a.desc() != b.desc()) {
                return true;
            }
            if (a.key() instanceof IndexPart.ColumnKey ca && b.key() instanceof IndexPart.ColumnKey cb) {
                if (!ctx.column(ca.column()).equals(cb.column())) {
                    return true;
                }
            } else if (a.key() instanceof IndexPart.ExprKey ea && b.key() instanceof IndexPart.ExprKey eb) {
                if (!Exprs.equivalent(Renames.renameColumns(ea.expr(), ctx.columns()), eb.expr())) {
                    return true;
                }
            } else {
                return true;
            }
            PartPair parts = new PartPair(owner1, a, typeOf(ctx.pair().from(), a), owner2, b, typeOf(ctx.pair().to(), b));
            if (rules.indexPartAttrsChanged(parts)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ColumnType> typeOf(Table table, IndexPart part) {
        return part.column().flatMap(table::column).map(Column::type);
    }

    private void foreignKeys(Ctx ctx, List<TableChange> changes) {
        TablePair pair = ctx.pair();
        List<ForeignKey> desired = new ArrayList<>(pair.to().foreignKeys());
        for (ForeignKey f1 : pair.from().foreignKeys()) {
            Optional<ForeignKey> f2 = desired.stream().filter(f -> f.name().equals(f1.name())).findFirst();
            if (f2.isEmpty()) {
                changes.add(new TableChange.DropForeignKey(f1));
                continue;
            }
            desired.remove(f2.get());
            Set<ChangeKind> kinds = foreignKeyChange(ctx, f1, f2.get());
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyForeignKey(f1, f2.get(), kinds));
            }
        }
        for (ForeignKey f2 : desired) {
            changes.add(new TableChange.AddForeignKey(f2));
        }
    }

    /**
     * What changed in a foreign key; the current side's columns, referenced table and referenced columns
     * are compared under their desired names when renamed.
     */
    private Set<ChangeKind> foreignKeyChange(Ctx ctx, ForeignKey f1, ForeignKey f2) {
        TablePair pair = ctx.pair();
        // The desired-side schema of the current reference: its own schema maps to the desired one.
        String refSchema = f1.refSchema().isEmpty() || f1.refSchema().equals(pair.fromSchema())
                ? pair.toSchema() : f1.refSchema();
        String refTable = ctx.renames().table(refSchema, f1.refTable());
        Map<String, String> refRenames = ctx.renames().columns(refSchema, refTable);
        List<String> refColumns = f1.refColumns().stream().map(c -> refRenames.getOrDefault(c, c)).toList();
        Set<ChangeKind> kinds = ChangeKind.none();
        if (!refTable.equals(f2.refTable()) || !pair.sameSchema(f1.refSchema(), f2.refSchema())) {
            kinds.add(ChangeKind.REF_TABLE);
            kinds.add(ChangeKind.REF_COLUMN);
        }
        if (!refColumns.equals(f2.refColumns())) {
            kinds.add(ChangeKind.REF_COLUMN);
        }
        if (!f1.columns().stream().map(ctx::column).toList().equals(f2.columns())) {
            kinds.add(ChangeKind.COLUMN);
        }
        if (rules.foreignKeyActionChanged(f1.onUpdate(), f2.onUpdate())) {
            kinds.add(ChangeKind.UPDATE_ACTION);
        }
        if (rules.foreignKeyActionChanged(f1.onDelete(), f2.onDelete())) {
            kinds.add(ChangeKind.DELETE_ACTION);
        }
        if (rules.foreignKeyAttrsChanged(f1, f2)) {
            kinds.add(ChangeKind.ATTR);
        }
        return kinds;
    }

    private void triggers(Table from, Table to, List<TableChange> changes) {
        Set<String> seen = new HashSet<>();
        for (Trigger t1 : from.triggers()) {
            Optional<Trigger> t2 = to.triggers().stream().filter(t -> t.name().equals(t1.name())).findFirst();
            if (t2.isEmpty()) {
                changes.add(new TableChange.DropTrigger(t1));
                continue;
            }
            seen.add(t1.name());
            if (rules.triggerChanged(t1, t2.get())) {
                changes.add(new TableChange.ModifyTrigger(t1, t2.get()));
            }
        }
        for (Trigger t2 : to.triggers()) {
            if (!seen.contains(t2.name())) {
                changes.add(new TableChange.AddTrigger(t2));
            }
        }
    }
}
