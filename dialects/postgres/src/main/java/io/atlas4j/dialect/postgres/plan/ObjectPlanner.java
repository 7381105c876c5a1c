package io.atlas4j.dialect.postgres.plan;

import static io.atlas4j.dialect.postgres.plan.PgSql.ident;
import static io.atlas4j.dialect.postgres.plan.PgSql.literal;
import static io.atlas4j.dialect.postgres.plan.Statements.q;

import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.dialect.postgres.PostgresObjects.Policy;
import io.atlas4j.plan.PlanException;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.change.AttrChange;
import io.atlas4j.schema.change.Clause;
import io.atlas4j.schema.change.SchemaChange.AddObject;
import io.atlas4j.schema.change.SchemaChange.AddRealmObject;
import io.atlas4j.schema.change.SchemaChange.AddSchema;
import io.atlas4j.schema.change.SchemaChange.DropObject;
import io.atlas4j.schema.change.SchemaChange.DropRealmObject;
import io.atlas4j.schema.change.SchemaChange.DropSchema;
import io.atlas4j.schema.change.SchemaChange.ModifyObject;
import io.atlas4j.schema.change.SchemaChange.ModifyRealmObject;
import io.atlas4j.schema.change.SchemaChange.ModifySchema;
import io.atlas4j.schema.change.SchemaChange.RenameObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plans schemas, schema objects (enums, domains, composites, sequences, aggregates, policies) and realm objects. */
final class ObjectPlanner {

    private final Scope scope;
    private final RoutineSql routines;
    private final Statements out;

    ObjectPlanner(Scope scope, Statements out) {
        this.scope = scope;
        this.routines = new RoutineSql(scope);
        this.out = out;
    }

    // ---- schemas

    void addSchema(AddSchema c) {
        String name = c.schema().name();
        boolean ifNotExists = c.clauses().contains(Clause.IF_NOT_EXISTS) || name.equals("public");
        out.add("CREATE SCHEMA " + (ifNotExists ? "IF NOT EXISTS " : "") + ident(name), "add new schema named " + q(name),
                List.of("DROP SCHEMA " + ident(name) + " CASCADE"), c);
        c.schema().comment().filter(s -> !s.isEmpty()).ifPresent(s -> out.add(
                "COMMENT ON SCHEMA " + ident(name) + " IS " + literal(s), "set comment to schema: " + q(name),
                List.of("COMMENT ON SCHEMA " + ident(name) + " IS ''"), c));
    }

    void dropSchema(DropSchema c) {
        String name = c.schema().name();
        out.add("DROP SCHEMA " + (c.clauses().contains(Clause.IF_EXISTS) ? "IF EXISTS " : "") + ident(name) + " CASCADE",
                "drop schema named " + q(name), List.of(), c);
    }

    void modifySchema(ModifySchema c) {
        String name = c.schema().name();
        for (AttrChange a : c.changes()) {
            if (a.kind() == Comment.class) {
                String from = a.from().map(x -> ((Comment) x).text()).orElse("");
                String to = a.to().map(x -> ((Comment) x).text()).orElse("");
                out.add("COMMENT ON SCHEMA " + ident(name) + " IS " + literal(to), "set comment to schema: " + q(name),
                        List.of("COMMENT ON SCHEMA " + ident(name) + " IS " + literal(from)), c);
            }
        }
    }

    // ---- schema objects

    void addObject(AddObject c) {
        SchemaObject o = c.object();
        String schema = c.schema();
        List<String> create = create(schema, o);
        String comment = o instanceof Policy p ? "create policy " + q(p.policy()) : createComment(o);
        out.add(create.get(0), comment, List.of(drop(schema, o)), c);
        for (int i = 1; i < create.size(); i++) {
            out.add(create.get(i), "set comment to " + o.kind() + ": " + q(o.name()), List.of(), c);
        }
    }

    private static String createComment(SchemaObject o) {
        if (o instanceof Sequence || o instanceof Aggregate) {
            return "create " + q(o.name()) + " " + o.kind();
        }
        return "create " + o.kind() + " " + q(o.name());
    }

    void dropObject(DropObject c) {
        SchemaObject o = c.object();
        out.add(drop(c.schema(), o), dropComment(o), create(c.schema(), o), c);
    }

    private static String dropComment(SchemaObject o) {
        return o instanceof Policy p ? "drop policy " + q(p.policy())
                : o instanceof Sequence || o instanceof Aggregate ? "drop " + q(o.name()) + " " + o.kind()
                : "drop " + o.kind() + " " + q(o.name());
    }

    void modifyObject(ModifyObject c) {
        SchemaObject from = c.from();
        SchemaObject to = c.to();
        String schema = c.schema();
        if (from instanceof EnumType f && to instanceof EnumType t) {
            modifyEnum(c, f, t);
        } else if (from instanceof Domain f && to instanceof Domain t) {
            modifyDomain(c, f, t);
        } else if (from instanceof Composite f && to instanceof Composite t) {
            modifyComposite(c, f, t);
        } else if (from instanceof Sequence f && to instanceof Sequence t) {
            String alter = sequenceOptions(f, t);
            if (!alter.isEmpty()) {
                out.add("ALTER SEQUENCE " + scope.name(schema, t.name()) + alter, "modify " + q(t.name()) + " sequence",
                        List.of("ALTER SEQUENCE " + scope.name(schema, t.name()) + sequenceOptions(t, f)), c);
            }
        } else if (from instanceof Policy f && to instanceof Policy t && f.permissive() == t.permissive()
                && f.command().equals(t.command())) {
            out.add(alterPolicy(schema, t), "modify policy " + q(t.policy()), List.of(alterPolicy(schema, f)), c);
        } else {
            // Aggregates, and policies whose kind or command changed, are replaced.
            out.add(drop(schema, from), dropComment(from), create(schema, from), c);
            List<String> create = create(schema, to);
            out.add(create.get(0), to instanceof Policy p ? "create policy " + q(p.policy()) : createComment(to),
                    List.of(drop(schema, to)), c);
        }
    }

    void renameObject(RenameObject c) {
        SchemaObject from = c.from();
        String keyword = from instanceof Domain ? "DOMAIN" : from instanceof Sequence ? "SEQUENCE" : "TYPE";
        String comment = from instanceof EnumType ? "rename an enum from " + q(from.name()) + " to " + q(c.to().name())
                : "rename a " + from.kind() + " from " + q(from.name()) + " to " + q(c.to().name());
        out.add("ALTER " + keyword + " " + scope.name(c.schema(), from.name()) + " RENAME TO " + ident(c.to().name()), comment,
                List.of("ALTER " + keyword + " " + scope.name(c.schema(), c.to().name()) + " RENAME TO " + ident(from.name())), c);
    }

    /** The statements creating {@code o}: the CREATE, then its comment if any. */
    private List<String> create(String schema, SchemaObject o) {
        String name = scope.name(schema, o.name());
        List<String> list = new ArrayList<>();
        if (o instanceof EnumType e) {
            list.add("CREATE TYPE " + name + " AS ENUM (" + e.values().stream().map(PgSql::literal)
                    .collect(Collectors.joining(", ")) + ")");
        } else if (o instanceof Domain d) {
            StringBuilder b = new StringBuilder("CREATE DOMAIN ").append(name).append(" AS ").append(scope.type(d.type()));
            d.defaultValue().ifPresent(v -> b.append(" DEFAULT ").append(v));
            if (!d.nullable()) {
                b.append(" NOT NULL");
            }
            for (Check ck : d.checks()) {
                b.append(' ').append(TableSql.check(ck));
            }
            list.add(b.toString());
            comment(d.attrs(), "DOMAIN " + name, list);
        } else if (o instanceof Composite ct) {
            list.add("CREATE TYPE " + name + " AS (" + ct.fields().stream().map(f -> ident(f.name()) + " " + scope.type(f.type())
                    + f.attr(Collation.class).map(x -> " COLLATE " + ident(x.name())).orElse(""))
                    .collect(Collectors.joining(", ")) + ")");
            comment(ct.attrs(), "TYPE " + name, list);
        } else if (o instanceof Sequence s) {
            list.add("CREATE SEQUENCE " + name + sequenceOptions(null, s)
                    + s.ownedBy().map(ob -> " OWNED BY " + ownedBy(schema, ob)).orElse(""));
            comment(s.attrs(), "SEQUENCE " + name, list);
        } else if (o instanceof Aggregate a) {
            StringBuilder b = new StringBuilder("CREATE AGGREGATE ").append(name).append(" (")
                    .append(a.args().isEmpty() ? "*" : routines.args(a.args(), true)).append(") (SFUNC = ")
                    .append(routineName(schema, a.stateFunc())).append(", STYPE = ").append(scope.type(a.stateType()));
            a.finalFunc().ifPresent(f -> b.append(", FINALFUNC = ").append(routineName(schema, f)));
            a.initCond().ifPresent(i -> b.append(", INITCOND = ").append(literal(i)));
            list.add(b.append(')').toString());
            comment(a.attrs(), "AGGREGATE " + name + " (" + (a.args().isEmpty() ? "*" : routines.args(a.args(), false)) + ")",
                    list);
        } else if (o instanceof Policy p) {
            StringBuilder b = new StringBuilder("CREATE POLICY ").append(ident(p.policy())).append(" ON ")
                    .append(scope.name(schema, p.table())).append(" AS ").append(p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                    .append(" FOR ").append(p.command()).append(" TO ").append(roles(p.roles()));
            p.using().ifPresent(u -> b.append(" USING ").append(PgSql.mayWrap(u)));
            p.check().ifPresent(u -> b.append(" WITH CHECK ").append(PgSql.mayWrap(u)));
            list.add(b.toString());
            comment(p.attrs(), "POLICY " + ident(p.policy()) + " ON " + scope.name(schema, p.table()), list);
        } else {
            throw new PlanException("cannot plan " + o.kind() + " " + q(o.name()) + " for PostgreSQL", "remove it from the schema");
        }
        return list;
    }

    private static void comment(List<io.atlas4j.schema.Attr> attrs, String target, List<String> list) {
        attrs.stream().filter(a -> a instanceof Comment).map(a -> ((Comment) a).text()).filter(s -> !s.isEmpty()).findFirst()
                .ifPresent(s -> list.add("COMMENT ON " + target + " IS " + literal(s)));
    }

    private String drop(String schema, SchemaObject o) {
        String name = scope.name(schema, o.name());
        if (o instanceof Domain) {
            return "DROP DOMAIN " + name;
        }
        if (o instanceof Sequence) {
            return "DROP SEQUENCE " + name;
        }
        if (o instanceof Aggregate a) {
            return "DROP AGGREGATE " + name + " (" + (a.args().isEmpty() ? "*" : routines.args(a.args(), false)) + ")";
        }
        if (o instanceof Policy p) {
            return "DROP POLICY " + ident(p.policy()) + " ON " + scope.name(schema, p.table());
        }
        return "DROP TYPE " + name;
    }

    /** A plain routine name is the aggregate's sibling: qualified like it, since its schema may not be on the path. */
    private String routineName(String schema, String f) {
        return PgSql.plainName(f) ? scope.name(schema, f) : f;
    }

    private static String roles(List<String> roles) {
        if (roles.isEmpty()) {
            return "PUBLIC";
        }
        return roles.stream().map(r -> r.equalsIgnoreCase("PUBLIC") || r.startsWith("CURRENT_") || r.equals("SESSION_USER")
                ? r : ident(r)).collect(Collectors.joining(", "));
    }

    private String alterPolicy(String schema, Policy p) {
        StringBuilder b = new StringBuilder("ALTER POLICY ").append(ident(p.policy())).append(" ON ")
                .append(scope.name(schema, p.table())).append(" TO ").append(roles(p.roles()));
        p.using().ifPresent(u -> b.append(" USING ").append(PgSql.mayWrap(u)));
        p.check().ifPresent(u -> b.append(" WITH CHECK ").append(PgSql.mayWrap(u)));
        return b.toString();
    }

    private String ownedBy(String schema, String ownedBy) {
        int dot = ownedBy.indexOf('.');
        return dot < 0 ? ownedBy : scope.name(schema, ownedBy.substring(0, dot)) + "." + ident(ownedBy.substring(dot + 1));
    }

    /**
     * Sequence options of {@code to}: all non-default ones when {@code from} is null (CREATE), else the
     * ones that differ from {@code from} (ALTER).
     */
    private String sequenceOptions(Sequence from, Sequence to) {
        StringBuilder b = new StringBuilder();
        int bits = to.type() instanceof ColumnType.IntegerType i ? i.bits() : 64;
        long typeMax = bits <= 16 ? Short.MAX_VALUE : bits <= 32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long typeMin = bits <= 16 ? Short.MIN_VALUE : bits <= 32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        boolean up = to.increment() > 0;
        if (from == null ? bits != 64 : !from.type().equals(to.type())) {
            b.append(" AS ").append(scope.type(to.type()));
        }
        if (from == null ? to.increment() != 1 : from.increment() != to.increment()) {
            b.append(" INCREMENT BY ").append(to.increment());
        }
        if (from == null ? to.minValue() != (up ? 1 : typeMin) : from.minValue() != to.minValue()) {
            b.append(" MINVALUE ").append(to.minValue());
        }
        if (from == null ? to.maxValue() != (up ? typeMax : -1) : from.maxValue() != to.maxValue()) {
            b.append(" MAXVALUE ").append(to.maxValue());
        }
        if (from == null ? to.start() != (up ? to.minValue() : to.maxValue()) : from.start() != to.start()) {
            b.append(" START WITH ").append(to.start());
        }
        if (from == null ? to.cache() != 1 : from.cache() != to.cache()) {
            b.append(" CACHE ").append(to.cache());
        }
        if (from == null ? to.cycle() : from.cycle() != to.cycle()) {
            b.append(to.cycle() ? " CYCLE" : " NO CYCLE");
        }
        return b.toString();
    }

    // ---- enums, domains, composites

    /**
     * One {@code ALTER TYPE ... ADD VALUE} per new label: existing labels must keep their relative order
     * and none may be removed (PostgreSQL cannot do either).
     */
    private void modifyEnum(ModifyObject c, EnumType from, EnumType to) {
        List<String> old = from.values();
        List<String> now = to.values();
        int k = 0;
        for (String v : now) {
            if (k < old.size() && old.get(k).equals(v)) {
                k++;
            }
        }
        if (k != old.size()) {
            boolean removed = !now.containsAll(old);
            throw new PlanException("values of enum type " + q(to.name())
                    + (removed ? " cannot be removed" : " cannot be reordered")
                    + " (PostgreSQL only supports adding values)", "append new values or recreate the type");
        }
        String name = scope.name(c.schema(), to.name());
        for (int i = 0; i < now.size(); i++) {
            String v = now.get(i);
            if (old.contains(v)) {
                continue;
            }
            String position = "";
            boolean existingAfter = now.subList(i + 1, now.size()).stream().anyMatch(old::contains);
            if (existingAfter) {
                position = i == 0 ? " BEFORE " + literal(old.get(0)) : " AFTER " + literal(now.get(i - 1));
            }
            out.add("ALTER TYPE " + name + " ADD VALUE " + literal(v) + position, "add value to enum type: " + q(to.name()),
                    List.of(), c);
        }
    }

    private void modifyDomain(ModifyObject c, Domain from, Domain to) {
        if (!from.type().equals(to.type())) {
            throw new PlanException("the underlying type of domain " + q(to.name()) + " cannot be changed",
                    "drop and re-create the domain");
        }
        String alter = "ALTER DOMAIN " + scope.name(c.schema(), to.name()) + " ";
        String comment = "modify domain type " + q(to.name());
        if (!from.defaultValue().equals(to.defaultValue())) {
            out.add(alter + to.defaultValue().map(d -> "SET DEFAULT " + d).orElse("DROP DEFAULT"), comment,
                    List.of(alter + from.defaultValue().map(d -> "SET DEFAULT " + d).orElse("DROP DEFAULT")), c);
        }
        if (from.nullable() != to.nullable()) {
            out.add(alter + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL"), comment,
                    List.of(alter + (from.nullable() ? "DROP NOT NULL" : "SET NOT NULL")), c);
        }
        for (Check ck : from.checks()) {
            if (!to.checks().contains(ck)) {
                out.add(alter + "DROP CONSTRAINT " + ident(ck.name()), comment, List.of(alter + "ADD " + TableSql.check(ck)), c);
            }
        }
        for (Check ck : to.checks()) {
            if (!from.checks().contains(ck)) {
                out.add(alter + "ADD " + TableSql.check(ck), comment, List.of(alter + "DROP CONSTRAINT " + ident(ck.name())), c);
            }
        }
    }

    private void modifyComposite(ModifyObject c, Composite from, Composite to) {
        List<String> parts = new ArrayList<>();
        List<String> reverse = new ArrayList<>();
        for (Column f : from.fields()) {
            Optional<Column> t = to.fields().stream().filter(x -> x.name().equals(f.name())).findFirst();
            if (t.isEmpty()) {
                parts.add("DROP ATTRIBUTE " + ident(f.name()));
                reverse.add(0, "ADD ATTRIBUTE " + ident(f.name()) + " " + scope.type(f.type()));
            } else if (!Objects.equals(t.get().type(), f.type())) {
                parts.add("ALTER ATTRIBUTE " + ident(f.name()) + " TYPE " + scope.type(t.get().type()));
                reverse.add(0, "ALTER ATTRIBUTE " + ident(f.name()) + " TYPE " + scope.type(f.type()));
            }
        }
        for (Column t : to.fields()) {
            if (from.fields().stream().noneMatch(x -> x.name().equals(t.name()))) {
                parts.add("ADD ATTRIBUTE " + ident(t.name()) + " " + scope.type(t.type()));
                reverse.add(0, "DROP ATTRIBUTE " + ident(t.name()));
            }
        }
        if (!parts.isEmpty()) {
            String alter = "ALTER TYPE " + scope.name(c.schema(), to.name()) + " ";
            out.add(alter + String.join(", ", parts), "modify composite type " + q(to.name()),
                    List.of(alter + String.join(", ", reverse)), c);
        }
    }

    // ---- realm objects

    void addRealmObject(AddRealmObject c) {
        RealmObject o = c.object();
        out.add(createRealm(o), "create " + o.kind() + " " + q(o.name()), List.of(dropRealm(o)), c);
        // An extension's comment is its own (read-only); an event trigger's is the user's.
        if (o instanceof EventTrigger t) {
            List<String> comments = new ArrayList<>();
            comment(t.attrs(), "EVENT TRIGGER " + ident(t.name()), comments);
            comments.forEach(sql -> out.add(sql, "set comment to event trigger: " + q(t.name()), List.of(), c));
        }
    }

    void dropRealmObject(DropRealmObject c) {
        RealmObject o = c.object();
        out.add(dropRealm(o), "drop " + o.kind() + " " + q(o.name()), List.of(createRealm(o)), c);
    }

    void modifyRealmObject(ModifyRealmObject c) {
        if (c.from() instanceof Extension f && c.to() instanceof Extension t) {
            String alter = "ALTER EXTENSION " + ident(t.name());
            if (!f.schema().equals(t.schema())) {
                out.add(alter + " SET SCHEMA " + ident(t.schema()), "modify extension " + q(t.name()),
                        List.of(alter + " SET SCHEMA " + ident(f.schema())), c);
            }
            if (!f.version().equals(t.version()) && !t.version().isEmpty()) {
                out.add(alter + " UPDATE TO " + literal(t.version()), "modify extension " + q(t.name()),
                        f.version().isEmpty() ? List.of() : List.of(alter + " UPDATE TO " + literal(f.version())), c);
            }
            return;
        }
        out.add(dropRealm(c.from()), "drop " + c.from().kind() + " " + q(c.from().name()), List.of(createRealm(c.from())), c);
        out.add(createRealm(c.to()), "create " + c.to().kind() + " " + q(c.to().name()), List.of(dropRealm(c.to())), c);
    }

    private static String createRealm(RealmObject o) {
        if (o instanceof Extension e) {
            StringBuilder b = new StringBuilder("CREATE EXTENSION ").append(ident(e.name()));
            if (!e.schema().isEmpty()) {
                b.append(" WITH SCHEMA ").append(ident(e.schema()));
            }
            if (!e.version().isEmpty()) {
                b.append(" VERSION ").append(ident(e.version()));
            }
            return b.toString();
        }
        if (o instanceof EventTrigger t) {
            StringBuilder b = new StringBuilder("CREATE EVENT TRIGGER ").append(ident(t.name())).append(" ON ").append(t.event());
            if (!t.tags().isEmpty()) {
                b.append(" WHEN TAG IN (").append(t.tags().stream().map(PgSql::literal).collect(Collectors.joining(", "))).append(')');
            }
            return b.append(" EXECUTE FUNCTION ").append(eventFunction(t.function())).toString();
        }
        throw new PlanException("cannot plan " + o.kind() + " " + q(o.name()) + " for PostgreSQL", "remove it from the schema");
    }

    /**
     * The function an event trigger runs: {@code schema.name} (as read from HCL or inspected) quotes each part,
     * since quoting the whole text would name a function called "schema.name".
     */
    private static String eventFunction(String f) {
        if (f.contains("(")) {
            return f;
        }
        int dot = f.indexOf('.');
        return (dot < 0 ? ident(f) : ident(f.substring(0, dot)) + "." + ident(f.substring(dot + 1))) + "()";
    }

    private static String dropRealm(RealmObject o) {
        return (o instanceof Extension ? "DROP EXTENSION " : "DROP EVENT TRIGGER ") + ident(o.name());
    }
}
