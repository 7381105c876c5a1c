package io.atlas4j.plan;

import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddFunc;
import io.atlas4j.schema.change.SchemaChange.AddObject;
import io.atlas4j.schema.change.SchemaChange.AddProc;
import io.atlas4j.schema.change.SchemaChange.AddSchema;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.SchemaChange.AddView;
import io.atlas4j.schema.change.SchemaChange.DropFunc;
import io.atlas4j.schema.change.SchemaChange.DropObject;
import io.atlas4j.schema.change.SchemaChange.DropTable;
import io.atlas4j.schema.change.SchemaChange.DropView;
import io.atlas4j.schema.change.SchemaChange.ModifyFunc;
import io.atlas4j.schema.change.SchemaChange.ModifyTable;
import io.atlas4j.schema.change.SchemaChange.ModifyView;
import io.atlas4j.schema.change.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The generic {@code dependsOn} rules of §4.3 step 3, plus helpers dialect hooks reuse. A change
 * "depends on" another when it must be emitted after it.
 */
public final class Dependencies {

    private Dependencies() {
    }

    /** Whether {@code c} must follow {@code d} by the generic rules. */
    public static boolean dependsOn(SchemaChange c, SchemaChange d) {
        if (d instanceof AddSchema s && !(c instanceof AddSchema)) {
            String schema = schemaOf(c);
            return schema != null && schema.equals(s.schema().name());
        }
        if (c instanceof AddTable a) {
            return addTableDependsOn(a, d);
        }
        if (c instanceof ModifyTable m) {
            return modifyTableDependsOn(m, d);
        }
        if (c instanceof DropTable t) {
            return dropTableDependsOn(t, d);
        }
        if (c instanceof DropObject o) {
            return dropObjectDependsOn(o, d);
        }
        if (c instanceof SchemaChange.DropSchema s) {
            return dropSchemaDependsOn(s.schema().name(), d);
        }
        if (c instanceof AddView || c instanceof ModifyView) {
            return viewDependsOn(c instanceof AddView v ? v.view().definition() : ((ModifyView) c).to().definition(), d);
        }
        if (c instanceof DropFunc f) {
            return dropFuncDependsOn(f, d);
        }
        if (c instanceof AddFunc f) {
            return argsUse(f.func().args(), d);
        }
        if (c instanceof AddProc p) {
            return argsUse(p.proc().args(), d);
        }
        return false;
    }

    private static boolean addTableDependsOn(AddTable a, SchemaChange d) {
        Table t = a.table();
        if (d instanceof DropTable dt) {
            return same(dt.schema(), dt.table().name(), a.schema(), t.name());
        }
        if (d instanceof AddTable p) {
            if (p.table().name().equals(t.name())) {
                return false;
            }
            // A referenced parent, or a table whose row type a column uses.
            return t.foreignKeys().stream().anyMatch(fk -> refersTable(fk, a.schema(), p.schema(), p.table().name()))
                    || t.columns().stream().anyMatch(col -> usesType(col.type(), p.schema(), p.table().name()));
        }
        if (d instanceof ModifyTable p) {
            return !same(p.schema(), p.to().name(), a.schema(), t.name())
                    && t.foreignKeys().stream().anyMatch(fk -> refersTable(fk, a.schema(), p.schema(), p.to().name()));
        }
        if (d instanceof AddObject o) {
            return t.columns().stream().anyMatch(col -> usesType(col.type(), o.schema(), o.object().name()));
        }
        if (d instanceof AddFunc f) {
            return mentions(tableText(t), f.func().name());
        }
        if (d instanceof ModifyFunc f) {
            return mentions(tableText(t), f.to().name());
        }
        return false;
    }

    private static boolean modifyTableDependsOn(ModifyTable m, SchemaChange d) {
        if (d instanceof AddTable a) {
            if (same(a.schema(), a.table().name(), m.schema(), m.to().name())) {
                return true;
            }
            return addedForeignKeys(m).stream().anyMatch(fk -> refersTable(fk, m.schema(), a.schema(), a.table().name()));
        }
        if (d instanceof ModifyTable p && !same(p.schema(), p.to().name(), m.schema(), m.to().name())) {
            List<ForeignKey> fks = addedForeignKeys(m).stream()
                    .filter(fk -> refersTable(fk, m.schema(), p.schema(), p.to().name())).toList();
            if (fks.isEmpty()) {
                return false;
            }
            return p.changes().stream().anyMatch(tc -> tc instanceof TableChange.AddColumn ac
                    && fks.stream().anyMatch(fk -> fk.refColumns().contains(ac.column().name()))
                    || tc instanceof TableChange.AddPrimaryKey || tc instanceof TableChange.AddIndex
                    || tc instanceof TableChange.ModifyPrimaryKey || tc instanceof TableChange.ModifyIndex);
        }
        if (d instanceof AddObject o) {
            return changedColumns(m).stream().anyMatch(col -> usesType(col.type(), o.schema(), o.object().name()));
        }
        if (d instanceof DropView v) {
            // A view reading a column blocks dropping or retyping it: the view goes first.
            String def = v.view().definition();
            return mentions(def, m.to().name()) && m.changes().stream().anyMatch(tc -> tc instanceof TableChange.DropColumn dc
                    && mentions(def, dc.column().name())
                    || tc instanceof TableChange.ModifyColumn mc && mentions(def, mc.from().name()));
        }
        if (d instanceof AddFunc || d instanceof ModifyFunc) {
            String name = d instanceof AddFunc f ? f.func().name() : ((ModifyFunc) d).to().name();
            return mentions(addedText(m), name);
        }
        return false;
    }

    private static boolean dropTableDependsOn(DropTable t, SchemaChange d) {
        if (d instanceof DropTable child) {
            return !same(child.schema(), child.table().name(), t.schema(), t.table().name())
                    && child.table().foreignKeys().stream()
                            .anyMatch(fk -> refersTable(fk, child.schema(), t.schema(), t.table().name()));
        }
        if (d instanceof ModifyTable m) {
            return m.changes().stream().anyMatch(tc -> tc instanceof TableChange.DropForeignKey df
                    && refersTable(df.key(), m.schema(), t.schema(), t.table().name())
                    || tc instanceof TableChange.ModifyForeignKey mf
                    && refersTable(mf.from(), m.schema(), t.schema(), t.table().name()));
        }
        if (d instanceof DropView v) {
            return mentions(v.view().definition(), t.table().name());
        }
        return false;
    }

    private static boolean dropSchemaDependsOn(String schema, SchemaChange d) {
        if (d instanceof ModifyTable m) {
            return m.schema().equals(schema) || m.changes().stream().anyMatch(tc -> tc instanceof TableChange.DropForeignKey df
                    && ChangeOrder.refSchema(df.key(), m.schema()).equals(schema));
        }
        if (d instanceof DropTable || d instanceof DropView || d instanceof DropObject || d instanceof DropFunc
                || d instanceof SchemaChange.DropProc) {
            return schema.equals(schemaOf(d));
        }
        return false;
    }

    private static boolean dropObjectDependsOn(DropObject o, SchemaChange d) {
        String name = o.object().name();
        if (d instanceof DropTable t) {
            return t.table().columns().stream().anyMatch(col -> usesType(col.type(), o.schema(), name));
        }
        if (d instanceof ModifyTable m) {
            return m.changes().stream().anyMatch(tc -> tc instanceof TableChange.DropColumn dc
                    && usesType(dc.column().type(), o.schema(), name)
                    || tc instanceof TableChange.ModifyColumn mc && usesType(mc.from().type(), o.schema(), name));
        }
        if (d instanceof DropFunc f) {
            return argsUse(f.func().args(), o.schema(), name);
        }
        return false;
    }

    private static boolean viewDependsOn(String definition, SchemaChange d) {
        if (d instanceof AddTable a) {
            return mentions(definition, a.table().name());
        }
        if (d instanceof ModifyTable m) {
            return mentions(definition, m.to().name());
        }
        if (d instanceof AddView v) {
            return mentions(definition, v.view().name());
        }
        if (d instanceof AddFunc f) {
            return mentions(definition, f.func().name());
        }
        return false;
    }

    private static boolean dropFuncDependsOn(DropFunc f, SchemaChange d) {
        String name = f.func().name();
        if (d instanceof DropTable t) {
            return mentions(tableText(t.table()), name);
        }
        if (d instanceof ModifyTable m) {
            return m.changes().stream().anyMatch(tc -> tc instanceof TableChange.DropTrigger dt
                    && mentions(dt.trigger().body(), name)
                    || tc instanceof TableChange.ModifyTrigger mt && mentions(mt.from().body(), name));
        }
        if (d instanceof DropView v) {
            return mentions(v.view().definition(), name);
        }
        return false;
    }

    private static boolean argsUse(List<FuncArg> args, SchemaChange d) {
        return d instanceof AddObject o && argsUse(args, o.schema(), o.object().name());
    }

    private static boolean argsUse(List<FuncArg> args, String schema, String name) {
        return args.stream().anyMatch(a -> usesType(a.type(), schema, name));
    }

    /** The schema a change applies to, or null for realm-level changes. */
    public static String schemaOf(SchemaChange c) {
        if (c instanceof SchemaChange.AddSchema s) {
            return s.schema().name();
        }
        if (c instanceof SchemaChange.DropSchema s) {
            return s.schema().name();
        }
        if (c instanceof SchemaChange.ModifySchema s) {
            return s.schema().name();
        }
        if (c instanceof SchemaChange.AddTable s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.DropTable s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.ModifyTable s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.RenameTable s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.AddView s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.DropView s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.ModifyView s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.AddFunc s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.DropFunc s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.ModifyFunc s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.AddProc s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.DropProc s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.ModifyProc s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.AddObject s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.DropObject s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.ModifyObject s) {
            return s.schema();
        }
        if (c instanceof SchemaChange.RenameObject s) {
            return s.schema();
        }
        return null;
    }

    /** Whether {@code type} (or its element type) is the user type {@code schema.name}. */
    public static boolean usesType(ColumnType type, String schema, String name) {
        if (type instanceof ColumnType.ArrayType a) {
            return usesType(a.element(), schema, name);
        }
        if (type instanceof ColumnType.EnumRef e) {
            return e.name().equals(name) && sameSchema(e.schema(), schema);
        }
        if (type instanceof ColumnType.UserTypeRef u) {
            return u.name().equals(name) && sameSchema(u.schema(), schema);
        }
        return false;
    }

    /** Whether {@code object} is used as a type by a column of {@code columns}. */
    public static boolean usesObject(List<Column> columns, String schema, SchemaObject object) {
        return columns.stream().anyMatch(c -> usesType(c.type(), schema, object.name()));
    }

    /** Schema names match; an empty name (unknown) matches any. */
    static boolean sameSchema(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b);
    }

    private static boolean same(String s1, String t1, String s2, String t2) {
        return t1.equals(t2) && sameSchema(s1, s2);
    }

    private static boolean refersTable(ForeignKey fk, String childSchema, String schema, String table) {
        return fk.refTable().equals(table) && sameSchema(ChangeOrder.refSchema(fk, childSchema), schema);
    }

    /**
     * Whether {@code text} mentions {@code name} as an identifier (bare or double-quoted): a cheap test
     * for "this expression uses that function or table".
     */
    public static boolean mentions(String text, String name) {
        if (text.isEmpty() || name.isEmpty()) {
            return false;
        }
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])").matcher(text).find();
    }

    private static List<ForeignKey> addedForeignKeys(ModifyTable m) {
        List<ForeignKey> out = new ArrayList<>();
        for (TableChange tc : m.changes()) {
            if (tc instanceof TableChange.AddForeignKey a) {
                out.add(a.key());
            } else if (tc instanceof TableChange.ModifyForeignKey mf) {
                out.add(mf.to());
            }
        }
        return out;
    }

    private static List<Column> changedColumns(ModifyTable m) {
        List<Column> out = new ArrayList<>();
        for (TableChange tc : m.changes()) {
            if (tc instanceof TableChange.AddColumn a) {
                out.add(a.column());
            } else if (tc instanceof TableChange.ModifyColumn mc) {
                out.add(mc.to());
            }
        }
        return out;
    }

    /** Expressions of a table that may call functions: defaults, generated columns, checks, indexes, triggers. */
    private static String tableText(Table t) {
        StringBuilder b = new StringBuilder();
        t.columns().forEach(c -> columnText(c, b));
        t.checks().forEach(c -> b.append(' ').append(c.expr()));
        t.indexes().forEach(i -> indexText(i, b));
        t.triggers().forEach(tr -> triggerText(tr, b));
        return b.toString();
    }

    private static String addedText(ModifyTable m) {
        StringBuilder b = new StringBuilder();
        for (TableChange tc : m.changes()) {
            if (tc instanceof TableChange.AddColumn a) {
                columnText(a.column(), b);
            } else if (tc instanceof TableChange.ModifyColumn mc) {
                columnText(mc.to(), b);
            } else if (tc instanceof TableChange.AddCheck a) {
                b.append(' ').append(a.check().expr());
            } else if (tc instanceof TableChange.ModifyCheck a) {
                b.append(' ').append(a.to().expr());
            } else if (tc instanceof TableChange.AddIndex a) {
                indexText(a.index(), b);
            } else if (tc instanceof TableChange.ModifyIndex a) {
                indexText(a.to(), b);
            } else if (tc instanceof TableChange.AddTrigger a) {
                triggerText(a.trigger(), b);
            } else if (tc instanceof TableChange.ModifyTrigger a) {
                triggerText(a.to(), b);
            }
        }
        return b.toString();
    }

    private static void columnText(Column c, StringBuilder b) {
        c.defaultValue().ifPresent(e -> b.append(' ').append(e.sql()));
        c.attr(GeneratedExpr.class).ifPresent(g -> b.append(' ').append(g.expr()));
    }

    private static void indexText(Index i, StringBuilder b) {
        for (IndexPart p : i.parts()) {
            if (p.key() instanceof IndexPart.ExprKey e) {
                b.append(' ').append(e.expr());
            }
        }
        i.predicate().ifPresent(p -> b.append(' ').append(p));
    }

    private static void triggerText(Trigger t, StringBuilder b) {
        b.append(' ').append(t.body());
        t.when().ifPresent(w -> b.append(' ').append(w));
    }
}
