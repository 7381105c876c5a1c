package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.dialect.postgres.PostgresObjects.Policy;
import io.atlas4j.plan.ChangeOrder;
import io.atlas4j.plan.Dependencies;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.SchemaChange.AddFunc;
import io.atlas4j.schema.change.SchemaChange.AddObject;
import io.atlas4j.schema.change.SchemaChange.AddRealmObject;
import io.atlas4j.schema.change.SchemaChange.AddTable;
import io.atlas4j.schema.change.SchemaChange.DropObject;
import io.atlas4j.schema.change.SchemaChange.DropTable;
import io.atlas4j.schema.change.SchemaChange.ModifyObject;
import io.atlas4j.schema.change.SchemaChange.ModifyTable;
import io.atlas4j.schema.change.TableChange;
import java.util.List;
import java.util.stream.Stream;

/** PostgreSQL's own ordering rules on top of {@link Dependencies}: policies, extensions, domains, sequences. */
final class PostgresOrderHooks implements ChangeOrder.Hooks {

    @Override
    public boolean dependsOn(SchemaChange later, SchemaChange earlier) {
        // Extensions provide types and functions everything else may use.
        if (earlier instanceof AddRealmObject r && r.object() instanceof Extension) {
            return !(later instanceof AddRealmObject) && !(later instanceof SchemaChange.AddSchema);
        }
        if (later instanceof AddRealmObject r && r.object() instanceof EventTrigger t) {
            return earlier instanceof AddFunc f && Dependencies.mentions(t.function(), f.func().name());
        }
        // PostgreSQL checks a SQL-language body when it is created: the tables it reads come first, unless the
        // table itself uses the routine (a default or check), when the routine must come first.
        if (earlier instanceof AddTable a && (later instanceof AddFunc || later instanceof SchemaChange.AddProc)) {
            String lang = later instanceof AddFunc f ? f.func().lang() : ((SchemaChange.AddProc) later).proc().lang();
            String body = later instanceof AddFunc f ? f.func().body() : ((SchemaChange.AddProc) later).proc().body();
            String name = later instanceof AddFunc f ? f.func().name() : ((SchemaChange.AddProc) later).proc().name();
            return lang.equalsIgnoreCase("sql") && Dependencies.mentions(body, a.table().name())
                    && !usesRoutine(a.table(), name);
        }
        if (later instanceof AddObject o || later instanceof ModifyObject) {
            Object obj = later instanceof AddObject o2 ? o2.object() : ((ModifyObject) later).to();
            String schema = Dependencies.schemaOf(later);
            return objectDependsOn(obj, schema, earlier);
        }
        if (later instanceof AddTable a && earlier instanceof AddObject o && o.object() instanceof Sequence s) {
            return defaultsMention(a.table().columns().stream(), s.name());
        }
        if (later instanceof ModifyTable m && earlier instanceof AddObject o && o.object() instanceof Sequence s) {
            return defaultsMention(m.changes().stream().flatMap(c -> c instanceof TableChange.AddColumn ac ? Stream.of(ac.column())
                    : c instanceof TableChange.ModifyColumn mc ? Stream.of(mc.to()) : Stream.empty()), s.name());
        }
        // DROP TABLE drops its policies: a separate DROP POLICY must run first.
        if (later instanceof DropTable t && earlier instanceof DropObject o && o.object() instanceof Policy p) {
            return p.table().equals(t.table().name()) && o.schema().equals(t.schema());
        }
        return false;
    }

    private static boolean objectDependsOn(Object obj, String schema, SchemaChange earlier) {
        if (obj instanceof Policy p) {
            return earlier instanceof AddTable a && a.table().name().equals(p.table()) && a.schema().equals(schema)
                    || earlier instanceof ModifyTable m && m.to().name().equals(p.table()) && m.schema().equals(schema);
        }
        // OWNED BY needs the owning table, unless the table's defaults use the sequence (then the table waits).
        if (obj instanceof Sequence s && s.ownedBy().isPresent() && earlier instanceof AddTable a && a.schema().equals(schema)) {
            String owner = s.ownedBy().get();
            return owner.substring(0, Math.max(owner.indexOf('.'), 0)).equals(a.table().name())
                    && !defaultsMention(a.table().columns().stream(), s.name());
        }
        if (earlier instanceof AddObject dep) {
            if (obj instanceof Domain d) {
                return Dependencies.usesType(d.type(), dep.schema(), dep.object().name());
            }
            if (obj instanceof Composite c) {
                return Dependencies.usesObject(c.fields(), dep.schema(), dep.object());
            }
        }
        if (obj instanceof Aggregate a && earlier instanceof AddFunc f) {
            return Dependencies.mentions(a.stateFunc() + " " + a.finalFunc().orElse(""), f.func().name());
        }
        return false;
    }

    private static boolean usesRoutine(io.atlas4j.schema.Table t, String name) {
        return defaultsMention(t.columns().stream(), name)
                || t.checks().stream().anyMatch(c -> Dependencies.mentions(c.expr(), name))
                || t.columns().stream().anyMatch(c -> c.attr(io.atlas4j.schema.GeneratedExpr.class)
                        .map(g -> Dependencies.mentions(g.expr(), name)).orElse(false));
    }

    private static boolean defaultsMention(Stream<Column> columns, String name) {
        List<Column> list = columns.toList();
        return list.stream().anyMatch(c -> c.defaultValue().map(d -> Dependencies.mentions(d.sql(), name)).orElse(false));
    }
}
