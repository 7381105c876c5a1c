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
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        List<TableChange> changes = new ArrayList<>(rules.tableAttrChanges(pair));
        checks(pair.from(), pair.to(), changes);
        columns(pair, changes);
        primaryKey(pair, changes);
        indexes(pair, changes);
        foreignKeys(pair, changes);
        triggers(pair.from(), pair.to(), changes);
        return changes;
    }

    private void columns(TablePair pair, List<TableChange> changes) {
        Table from = pair.from();
        Table to = pair.to();
        for (Column c1 : from.columns()) {
            Optional<Column> c2 = to.column(c1.name());
            if (c2.isEmpty()) {
                changes.add(new TableChange.DropColumn(c1));
                continue;
            }
            Set<ChangeKind> kinds = ChangeKind.none();
            if (!c1.comment().orElse("").equals(c2.get().comment().orElse(""))) {
                kinds.add(ChangeKind.COMMENT);
            }
            if (c1.nullable() != c2.get().nullable()) {
                kinds.add(ChangeKind.NULL);
            }
            kinds.addAll(rules.columnChange(pair, c1, c2.get()));
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyColumn(c1, c2.get(), kinds));
            }
        }
        for (Column c2 : to.columns()) {
            if (from.column(c2.name()).isEmpty()) {
                changes.add(new TableChange.AddColumn(c2));
            }
        }
    }

    /** Checks: by name when both are named, otherwise by expression (Atlas's NORMALIZED mode). */
    private void checks(Table from, Table to, List<TableChange> changes) {
        List<Check> desired = new ArrayList<>(to.checks());
        for (Check c1 : from.checks()) {
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
                changes.add(new TableChange.DropCheck(c1));
                continue;
            }
            desired.remove(c2);
            Set<ChangeKind> kinds = rules.checkChange(c1, c2);
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyCheck(c1, c2, kinds));
            }
        }
        for (Check c2 : desired) {
            changes.add(new TableChange.AddCheck(c2));
        }
    }

    private void primaryKey(TablePair pair, List<TableChange> changes) {
        Optional<PrimaryKey> p1 = pair.from().primaryKey();
        Optional<PrimaryKey> p2 = pair.to().primaryKey();
        if (p1.isPresent() && p2.isEmpty()) {
            changes.add(new TableChange.DropPrimaryKey(p1.get()));
        } else if (p1.isEmpty() && p2.isPresent()) {
            changes.add(new TableChange.AddPrimaryKey(p2.get()));
        } else if (p1.isPresent()) {
            Set<ChangeKind> kinds = ChangeKind.none();
            if (partsChanged(pair, p1.get().attrs(), p1.get().parts(), p2.get().attrs(), p2.get().parts())) {
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

    private void indexes(TablePair pair, List<TableChange> changes) {
        List<Index> desired = new ArrayList<>(pair.to().indexes());
        for (Index i1 : pair.from().indexes()) {
            Optional<Index> i2 = desired.stream().filter(i -> i.name().equals(i1.name())).findFirst();
            if (i2.isPresent()) {
                desired.remove(i2.get());
                Set<ChangeKind> kinds = indexChange(pair, i1, i2.get());
                if (!kinds.isEmpty()) {
                    changes.add(new TableChange.ModifyIndex(i1, i2.get(), kinds));
                }
                continue;
            }
            if (rules.isGeneratedIndexName(pair.from(), i1)) {
                // A database-made name: the desired side may declare the same index without a name.
                Optional<Index> same = desired.stream()
                        .filter(i -> pair.from().index(i.name()).isEmpty()
                                && (i.name().isEmpty() || rules.isGeneratedIndexName(pair.to(), i)))
                        .filter(i -> i.unique() == i1.unique()
                                && !partsChanged(pair, i1.attrs(), i1.parts(), i.attrs(), i.parts()))
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

    private Set<ChangeKind> indexChange(TablePair pair, Index i1, Index i2) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (i1.unique() != i2.unique()) {
            kinds.add(ChangeKind.UNIQUE);
        }
        if (rules.indexAttrsChanged(i1, i2)) {
            kinds.add(ChangeKind.ATTR);
        }
        if (partsChanged(pair, i1.attrs(), i1.parts(), i2.attrs(), i2.parts())) {
            kinds.add(ChangeKind.PARTS);
        }
        if (!i1.attr(Comment.class).map(Comment::text).orElse("")
                .equals(i2.attr(Comment.class).map(Comment::text).orElse(""))) {
            kinds.add(ChangeKind.COMMENT);
        }
        return kinds;
    }

    private boolean partsChanged(TablePair pair, List<Attr> owner1, List<IndexPart> parts1, List<Attr> owner2,
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
                if (!ca.column().equals(cb.column())) {
                    return true;
                }
            } else if (a.key() instanceof IndexPart.ExprKey ea && b.key() instanceof IndexPart.ExprKey eb) {
                if (!Exprs.equivalent(ea.expr(), eb.expr())) {
                    return true;
                }
            } else {
                return true;
            }
            PartPair parts = new PartPair(owner1, a, typeOf(pair.from(), a), owner2, b, typeOf(pair.to(), b));
            if (rules.indexPartAttrsChanged(parts)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ColumnType> typeOf(Table table, IndexPart part) {
        return part.column().flatMap(table::column).map(Column::type);
    }

    private void foreignKeys(TablePair pair, List<TableChange> changes) {
        List<ForeignKey> desired = new ArrayList<>(pair.to().foreignKeys());
        for (ForeignKey f1 : pair.from().foreignKeys()) {
            Optional<ForeignKey> f2 = desired.stream().filter(f -> f.name().equals(f1.name())).findFirst();
            if (f2.isEmpty()) {
                changes.add(new TableChange.DropForeignKey(f1));
                continue;
            }
            desired.remove(f2.get());
            Set<ChangeKind> kinds = foreignKeyChange(pair, f1, f2.get());
            if (!kinds.isEmpty()) {
                changes.add(new TableChange.ModifyForeignKey(f1, f2.get(), kinds));
            }
        }
        for (ForeignKey f2 : desired) {
            changes.add(new TableChange.AddForeignKey(f2));
        }
    }

    private Set<ChangeKind> foreignKeyChange(TablePair pair, ForeignKey f1, ForeignKey f2) {
        Set<ChangeKind> kinds = ChangeKind.none();
        if (!f1.refTable().equals(f2.refTable()) || !pair.sameSchema(f1.refSchema(), f2.refSchema())) {
            kinds.add(ChangeKind.REF_TABLE);
            kinds.add(ChangeKind.REF_COLUMN);
        }
        if (!f1.refColumns().equals(f2.refColumns())) {
            kinds.add(ChangeKind.REF_COLUMN);
        }
        if (!f1.columns().equals(f2.columns())) {
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
