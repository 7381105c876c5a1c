package io.atlas4j.schemahcl;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Check;
import io.atlas4j.schema.Collation;
import io.atlas4j.schema.Column;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.EnumType;
import io.atlas4j.schema.Expr;
import io.atlas4j.schema.ForeignKey;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.FuncArg;
import io.atlas4j.schema.GeneratedExpr;
import io.atlas4j.schema.Identity;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.PrimaryKey;
import io.atlas4j.schema.Proc;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Sequence;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schema.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Realm} as Atlas's {@code schema inspect} prints HCL: tables, then views, then the other
 * objects, schemas last; deterministic; types in HCL spelling; raw SQL as {@code sql("...")}.
 */
public final class SchemaHclWriter {

    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern UPDATE_OF = Pattern.compile("UPDATE OF (.+)");

    private final HclDialect dialect;

    /** A writer for one dialect. */
    public SchemaHclWriter(HclDialect dialect) {
        this.dialect = dialect;
    }

    /** The HCL text of {@code realm}. */
    public String write(Realm realm) {
        return new Run(realm).run();
    }

    /** A column default as HCL: literals as HCL literals, the rest as {@code sql("...")}. */
    public static String defaultValue(Expr e) {
        if (e instanceof Expr.Literal l) {
            String v = l.value();
            Matcher q = QUOTED.matcher(v);
            if (q.matches()) {
                return Hcl.quote(q.group(1).replace("''", "'"));
            }
            if (NUMBER.matcher(v).matches() && !v.matches("-?0\\d.*") && !v.endsWith(".0") && !v.matches(".*\\.\\d*0")) {
                return v;
            }
            if (v.equals("true") || v.equals("false")) {
                return v;
            }
        }
        return Hcl.sql(e.sql());
    }

    /** The HCL text of a type spelling: {@code int}, {@code varchar(255)}, {@code enum.status}, {@code sql("...")}. */
    public static String typeText(TypeSpec spec) {
        if (spec instanceof TypeSpec.Named n) {
            if (n.args().isEmpty()) {
                return n.name();
            }
            return n.name() + "(" + String.join(",", n.args().stream()
                    .map(a -> NUMBER.matcher(a).matches() ? a : Hcl.quote(a)).toList()) + ")";
        }
        if (spec instanceof TypeSpec.Ref r) {
            return Hcl.ref(r.kind(), r.name());
        }
        return Hcl.sql(((TypeSpec.Raw) spec).sql());
    }

    private final class Run {
        private final Realm realm;
        /** Names used by more than one block of a kind: those blocks get a schema qualifier label. */
        private final Map<String, Integer> names = new HashMap<>();

        Run(Realm realm) {
            this.realm = realm;
            for (Schema s : realm.schemas()) {
                s.tables().forEach(t -> names.merge("table\0" + t.name(), 1, Integer::sum));
                s.views().forEach(v -> names.merge((v.materialized() ? "materialized" : "view") + "\0" + v.name(), 1, Integer::sum));
            }
        }

        private boolean qualified(String kind, String name) {
            return names.getOrDefault(kind + "\0" + name, 0) > 1;
        }

        private String[] labels(String kind, String schema, String name) {
            return qualified(kind, name) ? new String[] {schema, name} : new String[] {name};
        }

        private String ref(String kind, String schema, String name, String... rest) {
            List<String> p = new ArrayList<>();
            p.add(kind);
            if (qualified(kind, name)) {
                p.add(schema);
            }
            p.add(name);
            p.addAll(List.of(rest));
            return Hcl.ref(p.toArray(String[]::new));
        }

        String run() {
            List<OutBlock> out = new ArrayList<>();
            for (Schema s : realm.schemas()) {
                s.tables().forEach(t -> out.add(table(s.name(), t)));
            }
            for (Schema s : realm.schemas()) {
                s.views().stream().filter(v -> !v.materialized()).forEach(v -> out.add(view(s.name(), v)));
                s.views().stream().filter(View::materialized).forEach(v -> out.add(view(s.name(), v)));
            }
            for (Schema s : realm.schemas()) {
                s.enums().forEach(e -> out.add(new OutBlock("enum", e.name()).attr("schema", Hcl.ref("schema", s.name()))
                        .attr("values", Hcl.list(e.values().stream().map(Hcl::quote).toList()))));
                s.objects(Sequence.class).forEach(q -> out.add(sequence(s.name(), q)));
                s.funcs().forEach(f -> out.add(routine(s.name(), f.name(), f.args(), Optional.of(f.returns()), f.body(),
                        f.lang(), f.attrs(), BlockKind.FUNCTION)));
                s.procs().forEach(p -> out.add(routine(s.name(), p.name(), p.args(), Optional.empty(), p.body(), p.lang(),
                        p.attrs(), BlockKind.PROCEDURE)));
                List<SchemaObject> other = s.objects().stream()
                        .filter(o -> !(o instanceof EnumType) && !(o instanceof Sequence)).toList();
                out.addAll(dialect.writeSchemaObjects(s.name(), other, realm));
            }
            for (Schema s : realm.schemas()) {
                s.tables().forEach(t -> t.triggers().forEach(tr -> out.add(trigger(s.name(), "table", t.name(), tr))));
                s.views().forEach(v -> v.triggers().forEach(tr -> out.add(trigger(s.name(),
                        v.materialized() ? "materialized" : "view", v.name(), tr))));
            }
            out.addAll(dialect.writeRealmObjects(realm.objects(), realm));
            for (Schema s : realm.schemas()) {
                OutBlock b = new OutBlock("schema", s.name());
                s.comment().ifPresent(c -> b.str("comment", c));
                dialect.writeAttrs(BlockKind.SCHEMA, s.attrs(), b);
                out.add(b);
            }
            StringBuilder sb = new StringBuilder();
            out.forEach(b -> sb.append(b.render(0)));
            return sb.toString();
        }

        private OutBlock table(String schema, Table t) {
            OutBlock b = new OutBlock("table", labels("table", schema, t.name()));
            b.attr("schema", Hcl.ref("schema", schema));
            t.comment().ifPresent(c -> b.str("comment", c));
            t.columns().forEach(c -> b.child(column(c)));
            t.primaryKey().ifPresent(pk -> b.child(primaryKey(t, pk)));
            for (ForeignKey fk : t.foreignKeys()) {
                OutBlock f = new OutBlock("foreign_key", fk.name());
                f.attr("columns", Hcl.list(fk.columns().stream().map(c -> Hcl.ref("column", c)).toList()));
                boolean self = fk.refSchema().equals(schema) && fk.refTable().equals(t.name());
                f.attr("ref_columns", Hcl.list(fk.refColumns().stream()
                        .map(c -> self ? Hcl.ref("column", c) : ref("table", fk.refSchema(), fk.refTable(), "column", c))
                        .toList()));
                f.attr("on_update", fk.onUpdate().name());
                f.attr("on_delete", fk.onDelete().name());
                dialect.writeAttrs(BlockKind.FOREIGN_KEY, fk.attrs(), f);
                b.child(f);
            }
            t.indexes().forEach(i -> b.child(index(i)));
            for (Check c : t.checks()) {
                OutBlock k = c.name().isEmpty() ? new OutBlock("check") : new OutBlock("check", c.name());
                k.str("expr", c.expr());
                dialect.writeAttrs(BlockKind.CHECK, c.attrs(), k);
                b.child(k);
            }
            dialect.writeAttrs(BlockKind.TABLE, t.attrs(), b);
            return b;
        }

        private OutBlock column(Column c) {
            OutBlock b = new OutBlock("column", c.name());
            b.attr("null", Boolean.toString(c.nullable()));
            b.attr("type", type(c.type()));
            c.defaultValue().ifPresent(d -> b.attr("default", defaultValue(d)));
            c.comment().ifPresent(x -> b.str("comment", x));
            c.attr(Collation.class).ifPresent(x -> b.str("collate", x.name()));
            c.attr(GeneratedExpr.class).ifPresent(g -> b.child(new OutBlock("as").str("expr", g.expr())
                    .attr("type", g.stored() ? "STORED" : "VIRTUAL")));
            c.attr(Identity.class).ifPresent(i -> {
                OutBlock id = new OutBlock("identity").attr("generated", i.generation().name());
                if (i.start() != 1) {
                    id.attr("start", Long.toString(i.start()));
                }
                if (i.increment() != 1) {
                    id.attr("increment", Long.toString(i.increment()));
                }
                b.child(id);
            });
            dialect.writeAttrs(BlockKind.COLUMN, c.attrs(), b);
            return b;
        }

        String type(ColumnType t) {
            return typeText(dialect.formatType(t, realm));
        }

        private OutBlock primaryKey(Table t, PrimaryKey pk) {
            OutBlock b = pk.name().isEmpty() || pk.name().equals(t.name() + "_pkey") ? new OutBlock("primary_key")
                    : new OutBlock("primary_key", pk.name());
            parts(pk.parts(), b);
            pk.attr(IndexInclude.class).ifPresent(i -> b.attr("include",
                    Hcl.list(i.columns().stream().map(c -> Hcl.ref("column", c)).toList())));
            pk.attr(Comment.class).ifPresent(c -> b.str("comment", c.text()));
            dialect.writeAttrs(BlockKind.PRIMARY_KEY, pk.attrs(), b);
            return b;
        }

        private void parts(List<IndexPart> parts, OutBlock b) {
            boolean plain = parts.stream().allMatch(p -> p.column().isPresent() && !p.desc() && p.attrs().isEmpty());
            if (plain) {
                b.attr("columns", Hcl.list(parts.stream().map(p -> Hcl.ref("column", p.column().get())).toList()));
                return;
            }
            for (IndexPart p : parts) {
                OutBlock on = new OutBlock("on");
                if (p.key() instanceof IndexPart.ColumnKey c) {
                    on.attr("column", Hcl.ref("column", c.column()));
                } else {
                    on.str("expr", ((IndexPart.ExprKey) p.key()).expr());
                }
                if (p.desc()) {
                    on.attr("desc", "true");
                }
                dialect.writeAttrs(BlockKind.INDEX_PART, p.attrs(), on);
                b.child(on);
            }
        }

        private OutBlock index(Index i) {
            Optional<IndexConstraint> cons = i.attr(IndexConstraint.class);
            String kind = cons.map(c -> c.kind() == IndexConstraint.Kind.UNIQUE ? "unique" : "exclude").orElse("index");
            OutBlock b = new OutBlock(kind, i.name());
            if (kind.equals("index") && i.unique()) {
                b.attr("unique", "true");
            }
            parts(i.parts(), b);
            dialect.writeAttrs(BlockKind.INDEX, i.attrs(), b);
            i.attr(IndexPredicate.class).ifPresent(p -> b.str("where", p.expr()));
            i.attr(IndexInclude.class).ifPresent(x -> b.attr("include",
                    Hcl.list(x.columns().stream().map(c -> Hcl.ref("column", c)).toList())));
            i.attr(Comment.class).ifPresent(c -> b.str("comment", c.text()));
            return b;
        }

        private OutBlock view(String schema, View v) {
            String kind = v.materialized() ? "materialized" : "view";
            OutBlock b = new OutBlock(kind, labels(kind, schema, v.name()));
            b.attr("schema", Hcl.ref("schema", schema));
            v.columns().forEach(c -> b.child(column(c)));
            b.str("as", v.definition());
            v.comment().ifPresent(c -> b.str("comment", c));
            v.indexes().forEach(i -> b.child(index(i)));
            dialect.writeAttrs(BlockKind.VIEW, v.attrs(), b);
            return b;
        }

        private OutBlock sequence(String schema, Sequence q) {
            OutBlock b = new OutBlock("sequence", q.name()).attr("schema", Hcl.ref("schema", schema));
            int bits = q.type() instanceof ColumnType.IntegerType i ? i.bits() : 64;
            if (bits != 64 || !(q.type() instanceof ColumnType.IntegerType)) {
                b.attr("type", type(q.type()));
            }
            long typeMax = bits == 16 ? Short.MAX_VALUE : bits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            long typeMin = bits == 16 ? Short.MIN_VALUE : bits == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long min = q.increment() > 0 ? 1 : typeMin;
            long max = q.increment() > 0 ? typeMax : -1;
            if (q.start() != (q.increment() > 0 ? q.minValue() : q.maxValue())) {
                b.attr("start", Long.toString(q.start()));
            }
            if (q.increment() != 1) {
                b.attr("increment", Long.toString(q.increment()));
            }
            if (q.minValue() != min) {
                b.attr("min_value", Long.toString(q.minValue()));
            }
            if (q.maxValue() != max) {
                b.attr("max_value", Long.toString(q.maxValue()));
            }
            if (q.cache() != 1) {
                b.attr("cache", Long.toString(q.cache()));
            }
            if (q.cycle()) {
                b.attr("cycle", "true");
            }
            q.ownedBy().ifPresent(o -> {
                int dot = o.indexOf('.');
                b.attr("owner", ref("table", schema, o.substring(0, dot), "column", o.substring(dot + 1)));
            });
            q.comment().ifPresent(c -> b.str("comment", c));
            dialect.writeAttrs(BlockKind.SEQUENCE, q.attrs(), b);
            return b;
        }

        private OutBlock routine(String schema, String name, List<FuncArg> args, Optional<String> returns, String body,
                String lang, List<Attr> attrs, BlockKind kind) {
            OutBlock b = new OutBlock(kind == BlockKind.FUNCTION ? "function" : "procedure", name);
            b.attr("schema", Hcl.ref("schema", schema));
            b.attr("lang", switch (lang) {
                case "sql" -> "SQL";
                case "plpgsql" -> "PLpgSQL";
                default -> Hcl.quote(lang);
            });
            returns.ifPresent(r -> b.attr("return", type(dialect.parseSqlType(r))));
            b.str("as", body);
            io.atlas4j.schema.Attrs.find(attrs, Comment.class).ifPresent(c -> b.str("comment", c.text()));
            for (FuncArg a : args) {
                OutBlock ab = a.name().isEmpty() ? new OutBlock("arg") : new OutBlock("arg", a.name());
                ab.attr("type", type(a.type()));
                if (a.mode() != FuncArg.Mode.IN) {
                    ab.attr("mode", a.mode().name());
                }
                a.defaultValue().ifPresent(d -> ab.attr("default", defaultValue(new Expr.Literal(d))));
                b.child(ab);
            }
            dialect.writeAttrs(kind, attrs, b);
            return b;
        }

        private OutBlock trigger(String schema, String ownerKind, String owner, Trigger t) {
            OutBlock b = new OutBlock("trigger", t.name());
            b.attr("on", ref(ownerKind, schema, owner));
            OutBlock ev = new OutBlock(t.timing().name().toLowerCase(java.util.Locale.ROOT));
            for (String e : t.events()) {
                Matcher m = UPDATE_OF.matcher(e);
                if (m.matches()) {
                    List<String> cols = new ArrayList<>();
                    for (String c : m.group(1).split(",")) {
                        String s = c.trim();
                        if (s.startsWith("\"") && s.endsWith("\"")) {
                            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
                        }
                        cols.add(ref(ownerKind, schema, owner, "column", s));
                    }
                    ev.attr("update_of", Hcl.list(cols));
                } else {
                    ev.attr(e.toLowerCase(java.util.Locale.ROOT), "true");
                }
            }
            b.child(ev);
            b.attr("for", t.forEachRow() ? "ROW" : "STATEMENT");
            t.when().ifPresent(w -> b.str("when", w));
            if (!dialect.writeTriggerBody(t, b)) {
                b.str("as", t.body());
            }
            io.atlas4j.schema.Attrs.find(t.attrs(), Comment.class).ifPresent(c -> b.str("comment", c.text()));
            dialect.writeAttrs(BlockKind.TRIGGER, t.attrs(), b);
            return b;
        }
    }
}
