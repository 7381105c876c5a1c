package io.atlas4j.diff;

import io.atlas4j.schema.change.ChangeKind;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compact, comparable spellings of changes for table-driven tests. */
final class Changes {

    private Changes() {
    }

    static List<String> describe(List<SchemaChange> changes) {
        return changes.stream().map(Changes::describe).toList();
    }

    static String describe(SchemaChange c) {
        if (c instanceof SchemaChange.AddSchema a) {
            return "AddSchema " + a.schema().name();
        }
        if (c instanceof SchemaChange.DropSchema d) {
            return "DropSchema " + d.schema().name();
        }
        if (c instanceof SchemaChange.ModifySchema m) {
            return "ModifySchema " + m.schema().name() + " " + m.changes().size();
        }
        if (c instanceof SchemaChange.AddTable a) {
            return "AddTable " + a.schema() + "." + a.table().name();
        }
        if (c instanceof SchemaChange.DropTable d) {
            return "DropTable " + d.schema() + "." + d.table().name();
        }
        if (c instanceof SchemaChange.ModifyTable m) {
            return "ModifyTable " + m.schema() + "." + m.to().name() + " "
                    + m.changes().stream().map(Changes::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (c instanceof SchemaChange.RenameTable r) {
            return "RenameTable " + r.schema() + "." + r.from().name() + "->" + r.to().name();
        }
        if (c instanceof SchemaChange.AddView a) {
            return "AddView " + a.view().name();
        }
        if (c instanceof SchemaChange.DropView d) {
            return "DropView " + d.view().name();
        }
        if (c instanceof SchemaChange.ModifyView m) {
            return "ModifyView " + m.to().name();
        }
        if (c instanceof SchemaChange.AddFunc a) {
            return "AddFunc " + a.func().signature();
        }
        if (c instanceof SchemaChange.DropFunc d) {
            return "DropFunc " + d.func().signature();
        }
        if (c instanceof SchemaChange.ModifyFunc m) {
            return "ModifyFunc " + m.to().signature();
        }
        if (c instanceof SchemaChange.AddProc a) {
            return "AddProc " + a.proc().name();
        }
        if (c instanceof SchemaChange.DropProc d) {
            return "DropProc " + d.proc().name();
        }
        if (c instanceof SchemaChange.ModifyProc m) {
            return "ModifyProc " + m.to().name();
        }
        if (c instanceof SchemaChange.AddObject a) {
            return "AddObject " + a.schema() + "." + a.object().name();
        }
        if (c instanceof SchemaChange.DropObject d) {
            return "DropObject " + d.schema() + "." + d.object().name();
        }
        if (c instanceof SchemaChange.ModifyObject m) {
            return "ModifyObject " + m.schema() + "." + m.to().name();
        }
        if (c instanceof SchemaChange.AddRealmObject a) {
            return "AddRealmObject " + a.object().name();
        }
        if (c instanceof SchemaChange.DropRealmObject d) {
            return "DropRealmObject " + d.object().name();
        }
        if (c instanceof SchemaChange.ModifyRealmObject m) {
            return "ModifyRealmObject " + m.to().name();
        }
        return c.toString();
    }

    static String describe(TableChange c) {
        if (c instanceof TableChange.AddColumn a) {
            return "AddColumn " + a.column().name();
        }
        if (c instanceof TableChange.DropColumn d) {
            return "DropColumn " + d.column().name();
        }
        if (c instanceof TableChange.ModifyColumn m) {
            return "ModifyColumn " + m.to().name() + " " + kinds(m.kinds());
        }
        if (c instanceof TableChange.RenameColumn r) {
            return "RenameColumn " + r.from().name() + "->" + r.to().name();
        }
        if (c instanceof TableChange.RenameIndex r) {
            return "RenameIndex " + r.from().name() + "->" + r.to().name();
        }
        if (c instanceof TableChange.AddIndex a) {
            return "AddIndex " + a.index().name() + (a.clauses().isEmpty() ? "" : " " + a.clauses());
        }
        if (c instanceof TableChange.DropIndex d) {
            return "DropIndex " + d.index().name() + (d.clauses().isEmpty() ? "" : " " + d.clauses());
        }
        if (c instanceof TableChange.ModifyIndex m) {
            return "ModifyIndex " + m.to().name() + " " + kinds(m.kinds());
        }
        if (c instanceof TableChange.AddPrimaryKey a) {
            return "AddPrimaryKey " + a.key().columns();
        }
        if (c instanceof TableChange.DropPrimaryKey d) {
            return "DropPrimaryKey " + d.key().columns();
        }
        if (c instanceof TableChange.ModifyPrimaryKey m) {
            return "ModifyPrimaryKey " + kinds(m.kinds());
        }
        if (c instanceof TableChange.AddForeignKey a) {
            return "AddForeignKey " + a.key().name();
        }
        if (c instanceof TableChange.DropForeignKey d) {
            return "DropForeignKey " + d.key().name();
        }
        if (c instanceof TableChange.ModifyForeignKey m) {
            return "ModifyForeignKey " + m.to().name() + " " + kinds(m.kinds());
        }
        if (c instanceof TableChange.AddCheck a) {
            return "AddCheck " + label(a.check().name(), a.check().expr());
        }
        if (c instanceof TableChange.DropCheck d) {
            return "DropCheck " + label(d.check().name(), d.check().expr());
        }
        if (c instanceof TableChange.ModifyCheck m) {
            return "ModifyCheck " + label(m.to().name(), m.to().expr()) + " " + kinds(m.kinds());
        }
        if (c instanceof TableChange.ModifyAttr m) {
            return "ModifyAttr " + m.change().kind().getSimpleName() + " " + m.change().from().isPresent() + "->"
                    + m.change().to().isPresent();
        }
        if (c instanceof TableChange.AddTrigger a) {
            return "AddTrigger " + a.trigger().name();
        }
        if (c instanceof TableChange.DropTrigger d) {
            return "DropTrigger " + d.trigger().name();
        }
        if (c instanceof TableChange.ModifyTrigger m) {
            return "ModifyTrigger " + m.to().name();
        }
        return c.toString();
    }

    static String kinds(Set<ChangeKind> kinds) {
        return new TreeSet<>(kinds).toString();
    }

    private static String label(String name, String expr) {
        return name.isEmpty() ? "(" + expr + ")" : name;
    }
}
