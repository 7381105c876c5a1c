package io.atlas4j.dialect.postgres.hcl;

import io.atlas4j.dialect.postgres.PostgresObjects.Aggregate;
import io.atlas4j.dialect.postgres.PostgresObjects.Composite;
import io.atlas4j.dialect.postgres.PostgresObjects.Domain;
import io.atlas4j.dialect.postgres.PostgresObjects.EventTrigger;
import io.atlas4j.dialect.postgres.PostgresObjects.Extension;
import io.atlas4j.dialect.postgres.PostgresObjects.Policy;
import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Expression;
import io.atlas4j.hcl.Expressions;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Attrs;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schemahcl.Hcl;
import io.atlas4j.schemahcl.HclDialect.InRealm;
import io.atlas4j.schemahcl.HclDialect.InSchema;
import io.atlas4j.schemahcl.HclDialect.ReadObject;
import io.atlas4j.schemahcl.HclNode;
import io.atlas4j.schemahcl.OutBlock;
import io.atlas4j.schemahcl.SchemaHclWriter;
import io.atlas4j.schemahcl.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The PostgreSQL-only top-level blocks: read into {@code PostgresObjects} records and written back. */
final class PostgresHclObjects {

    /** In reading order (a stable order keeps the model, and so the written text, deterministic). */
    static final Set<String> BLOCKS = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
            List.of("domain", "composite", "aggregate", "policy", "extension", "event_trigger")));
    private static final List<Class<?>> SCHEMA_ORDER = List.of(Domain.class, Composite.class, Aggregate.class,
            Policy.class);

    private static final List<String> COMMANDS = List.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");
    private static final List<String> EVENTS = List.of("DDL_COMMAND_START", "DDL_COMMAND_END", "SQL_DROP",
            "TABLE_REWRITE", "LOGIN");

    private PostgresHclObjects() {
    }

    static Optional<ReadObject> read(PostgresHcl dialect, HclNode n) {
        return switch (n.type()) {
            case "domain" -> domain(n);
            case "composite" -> composite(n);
            case "aggregate" -> aggregate(n);
            case "policy" -> policy(n);
            case "extension" -> extension(n);
            case "event_trigger" -> eventTrigger(n);
            default -> Optional.empty();
        };
    }

    private static void check(HclNode n, Set<String> known) {
        for (Attribute a : n.block().body().attributes()) {
            if (!known.contains(a.name()) && !a.name().equals("for_each")) {
                n.error(a.range(), "unsupported attribute \"" + a.name() + "\" in " + n.type() + " \"" + n.name() + "\"");
            }
        }
        for (io.atlas4j.hcl.Block b : n.block().body().blocks()) {
            if (!known.contains(b.type())) {
                n.error(b.range(), "unsupported block \"" + b.type() + "\" in " + n.type() + " \"" + n.name() + "\"");
            }
        }
    }

    private static List<Attr> comment(HclNode n) {
        List<Attr> attrs = new ArrayList<>();
        n.string("comment").ifPresent(c -> attrs.add(new Comment(c)));
        return attrs;
    }

    private static Optional<ColumnType> requiredType(HclNode n, String attr) {
        if (n.attribute(attr).isEmpty()) {
            n.error(n.range(), "missing attribute \"" + attr + "\" in " + n.type() + " \"" + n.name() + "\"");
            return Optional.empty();
        }
        return n.type(attr);
    }

    private static Optional<String> sqlDefault(HclNode n) {
        Optional<Attribute> a = n.attribute("default");
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Optional<Value> v = n.eval(a.get().expression());
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> raw = Values.rawSql(v.get());
        if (raw.isPresent()) {
            return raw;
        }
        if (v.get() instanceof Value.Str s) {
            return Optional.of("'" + s.value().replace("'", "''") + "'");
        }
        return Optional.of(Values.asString(v.get(), a.get().range()));
    }

    private static Optional<ReadObject> domain(HclNode n) {
        check(n, Set.of("schema", "type", "null", "default", "check", "comment"));
        Optional<ColumnType> type = requiredType(n, "type");
        List<Check> checks = new ArrayList<>();
        for (HclNode c : n.children("check")) {
            c.string("expr").ifPresentOrElse(x -> checks.add(new Check(c.name(), x)),
                    () -> c.error(c.range(), "missing attribute \"expr\" in a check of domain \"" + n.name() + "\""));
        }
        boolean nullable = n.bool("null").orElse(false);
        Optional<String> def = sqlDefault(n);
        return type.map(t -> new InSchema(n.schema(), new Domain(n.name(), t, nullable, def, checks, comment(n))));
    }

    private static Optional<ReadObject> composite(HclNode n) {
        check(n, Set.of("schema", "field", "comment"));
        List<Column> fields = new ArrayList<>();
        for (HclNode f : n.children("field")) {
            List<Attr> attrs = new ArrayList<>();
            f.string("collate").ifPresent(c -> attrs.add(new Collation(c)));
            requiredType(f, "type").ifPresent(t -> fields.add(new Column(f.name(), t, true, Optional.empty(), attrs)));
        }
        if (n.children("field").isEmpty()) {
            n.error(n.range(), "composite \"" + n.name() + "\" needs at least one field");
        }
        return Optional.of(new InSchema(n.schema(), new Composite(n.name(), fields, comment(n))));
    }

    private static Optional<ReadObject> aggregate(HclNode n) {
        check(n, Set.of("schema", "arg", "state_type", "state_func", "final_func", "init_cond", "comment"));
        List<FuncArg> args = new ArrayList<>();
        for (HclNode a : n.children("arg")) {
            requiredType(a, "type").ifPresent(t -> args.add(new FuncArg(a.name(), t, FuncArg.Mode.IN, Optional.empty())));
        }
        Optional<ColumnType> stateType = requiredType(n, "state_type");
        Optional<String> stateFunc = function(n, "state_func");
        if (n.attribute("state_func").isEmpty()) {
            n.error(n.range(), "missing attribute \"state_func\" in aggregate \"" + n.name() + "\"");
        }
        Optional<String> finalFunc = function(n, "final_func");
        Optional<String> init = n.string("init_cond");
        if (stateType.isEmpty() || stateFunc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InSchema(n.schema(), new Aggregate(n.name(), args, stateFunc.get(), stateType.get(),
                finalFunc, init, comment(n))));
    }

    /** A function reference as its name, qualified when it lives in another schema than {@code n}. */
    private static Optional<String> function(HclNode n, String attr) {
        return n.list(attr).stream().findFirst().flatMap(l -> n.object(l, "function"))
                .map(r -> r.schema().equals(n.schema()) ? r.name() : r.schema() + "." + r.name());
    }

    private static Optional<ReadObject> policy(HclNode n) {
        check(n, Set.of("on", "as", "for", "to", "using", "check", "comment"));
        Optional<HclNode.Located> on = n.list("on").stream().findFirst();
        if (on.isEmpty()) {
            n.error(n.range(), "missing attribute \"on\" in policy \"" + n.name() + "\"");
            return Optional.empty();
        }
        var table = n.object(on.get(), "table");
        boolean permissive = n.keyword("as", List.of("PERMISSIVE", "RESTRICTIVE")).map("PERMISSIVE"::equals).orElse(true);
        String command = n.keyword("for", COMMANDS).orElse("ALL");
        List<String> roles = new ArrayList<>();
        Optional<Attribute> to = n.attribute("to");
        if (to.isPresent()) {
            List<Expression> items = to.get().expression() instanceof Expression.TupleExpr t ? t.items()
                    : List.of(to.get().expression());
            for (Expression item : items) {
                Optional<String> word = Expressions.keyword(item);
                if (word.isPresent()) {
                    roles.add(word.get());
                    continue;
                }
                n.eval(item).ifPresent(v -> {
                    if (v instanceof Value.Str s) {
                        roles.add(s.value());
                    } else {
                        n.error(item.range(), "policy roles must be PUBLIC or role names as strings");
                    }
                });
            }
        }
        if (roles.isEmpty()) {
            roles.add("PUBLIC");
        }
        return table.map(t -> new InSchema(t.schema(), new Policy(t.name(), n.name(), permissive, command, roles,
                n.string("using"), n.string("check"), comment(n))));
    }

    private static Optional<ReadObject> extension(HclNode n) {
        check(n, Set.of("schema", "version", "comment"));
        return Optional.of(new InRealm(new Extension(n.name(), n.schema(), n.string("version").orElse(""), comment(n))));
    }

    private static Optional<ReadObject> eventTrigger(HclNode n) {
        if (!n.children("execute").isEmpty()) {
            n.error(n.children("execute").get(0).range(), "execute of event_trigger \"" + n.name()
                    + "\" is an attribute: execute = function.<name>");
            return Optional.empty();
        }
        check(n, Set.of("on", "tags", "execute", "comment"));
        Optional<String> event = n.keyword("on", EVENTS).map(e -> e.toLowerCase(Locale.ROOT));
        if (n.attribute("on").isEmpty()) {
            n.error(n.range(), "missing attribute \"on\" in event_trigger \"" + n.name() + "\"");
        }
        Optional<String> f = n.list("execute").stream().findFirst().flatMap(l -> n.object(l, "function"))
                .map(r -> r.schema() + "." + r.name());
        if (n.attribute("execute").isEmpty()) {
            n.error(n.range(), "missing attribute \"execute\" in event_trigger \"" + n.name() + "\"");
        }
        if (event.isEmpty() || f.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InRealm(new EventTrigger(n.name(), event.get(), n.strings("tags"), f.get(), comment(n))));
    }

    // ---------------------------------------------------------------- writing

    static List<OutBlock> writeSchemaObjects(PostgresHcl dialect, String schema, List<SchemaObject> objects, Realm realm) {
        List<OutBlock> out = new ArrayList<>();
        String schemaRef = Hcl.ref("schema", schema);
        // Grouped by kind, in Atlas's order, whatever order the model lists them in.
        List<SchemaObject> sorted = new ArrayList<>(objects);
        sorted.sort(java.util.Comparator.comparingInt(o -> SCHEMA_ORDER.indexOf(o.getClass())));
        for (SchemaObject o : sorted) {
            if (o instanceof Domain d) {
                OutBlock b = new OutBlock("domain", d.name()).attr("schema", schemaRef)
                        .attr("type", type(d.type(), realm)).attr("null", Boolean.toString(d.nullable()));
                d.defaultValue().ifPresent(v -> b.attr("default", SchemaHclWriter.defaultValue(new Expr.Literal(v))));
                comment(d.attrs(), b);
                for (Check c : d.checks()) {
                    b.child((c.name().isEmpty() ? new OutBlock("check") : new OutBlock("check", c.name())).str("expr", c.expr()));
                }
                out.add(b);
            } else if (o instanceof Composite c) {
                OutBlock b = new OutBlock("composite", c.name()).attr("schema", schemaRef);
                comment(c.attrs(), b);
                for (Column f : c.fields()) {
                    OutBlock fb = new OutBlock("field", f.name()).attr("type", type(f.type(), realm));
                    f.attr(Collation.class).ifPresent(x -> fb.str("collate", x.name()));
                    b.child(fb);
                }
                out.add(b);
            } else if (o instanceof Aggregate a) {
                OutBlock b = new OutBlock("aggregate", a.name()).attr("schema", schemaRef)
                        .attr("state_type", type(a.stateType(), realm))
                        .attr("state_func", funcRef(a.stateFunc()));
                a.finalFunc().ifPresent(f -> b.attr("final_func", funcRef(f)));
                a.initCond().ifPresent(i -> b.str("init_cond", i));
                comment(a.attrs(), b);
                for (FuncArg arg : a.args()) {
                    b.child((arg.name().isEmpty() ? new OutBlock("arg") : new OutBlock("arg", arg.name()))
                            .attr("type", type(arg.type(), realm)));
                }
                out.add(b);
            } else if (o instanceof Policy p) {
                // Same rule as the generic writer: a table name used in several schemas is written qualified.
                long sameName = realm.schemas().stream().filter(x -> x.table(p.table()).isPresent()).count();
                String on = sameName > 1 ? Hcl.ref("table", schema, p.table()) : Hcl.ref("table", p.table());
                OutBlock b = new OutBlock("policy", p.policy()).attr("on", on)
                        .attr("as", p.permissive() ? "PERMISSIVE" : "RESTRICTIVE").attr("for", p.command())
                        .attr("to", Hcl.list(p.roles().stream().map(r -> r.equals("PUBLIC") || r.equals("CURRENT_USER")
                                || r.equals("SESSION_USER") || r.equals("CURRENT_ROLE") ? r : Hcl.quote(r)).toList()));
                p.using().ifPresent(u -> b.str("using", u));
                p.check().ifPresent(c -> b.str("check", c));
                comment(p.attrs(), b);
                out.add(b);
            }
        }
        return out;
    }

    static List<OutBlock> writeRealmObjects(List<RealmObject> objects) {
        List<OutBlock> out = new ArrayList<>();
        List<RealmObject> sorted = new ArrayList<>(objects);
        sorted.sort(java.util.Comparator.comparingInt(o -> o instanceof Extension ? 0 : 1));
        for (RealmObject o : sorted) {
            if (o instanceof Extension e) {
                OutBlock b = new OutBlock("extension", e.name());
                if (!e.schema().isEmpty()) {
                    b.attr("schema", Hcl.ref("schema", e.schema()));
                }
                if (!e.version().isEmpty()) {
                    b.str("version", e.version());
                }
                comment(e.attrs(), b);
                out.add(b);
            } else if (o instanceof EventTrigger t) {
                OutBlock b = new OutBlock("event_trigger", t.name()).attr("on", t.event());
                if (!t.tags().isEmpty()) {
                    b.attr("tags", Hcl.list(t.tags().stream().map(Hcl::quote).toList()));
                }
                b.attr("execute", funcRef(t.function()));
                comment(t.attrs(), b);
                out.add(b);
            }
        }
        return out;
    }

    private static void comment(List<Attr> attrs, OutBlock b) {
        Attrs.find(attrs, Comment.class).ifPresent(c -> b.str("comment", c.text()));
    }

    private static String funcRef(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return Hcl.ref("function", dot < 0 ? qualified : qualified.substring(dot + 1));
    }

    private static String type(ColumnType t, Realm realm) {
        return SchemaHclWriter.typeText(PostgresHclTypes.format(t, realm));
    }
}
