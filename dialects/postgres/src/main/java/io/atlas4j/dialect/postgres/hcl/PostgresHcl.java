package io.atlas4j.dialect.postgres.hcl;

import io.atlas4j.dialect.postgres.PostgresAttrs.CheckOption;
import io.atlas4j.dialect.postgres.PostgresAttrs.Deferrable;
import io.atlas4j.dialect.postgres.PostgresAttrs.ExcludeOperator;
import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.Leakproof;
import io.atlas4j.dialect.postgres.PostgresAttrs.NoInherit;
import io.atlas4j.dialect.postgres.PostgresAttrs.NullsNotDistinct;
import io.atlas4j.dialect.postgres.PostgresAttrs.OpClass;
import io.atlas4j.dialect.postgres.PostgresAttrs.Partition;
import io.atlas4j.dialect.postgres.PostgresAttrs.PartitionKey;
import io.atlas4j.dialect.postgres.PostgresAttrs.RowSecurity;
import io.atlas4j.dialect.postgres.PostgresAttrs.SecurityDefiner;
import io.atlas4j.dialect.postgres.PostgresAttrs.Strict;
import io.atlas4j.dialect.postgres.PostgresAttrs.Volatility;
import io.atlas4j.dialect.postgres.PostgresTypes;
import io.atlas4j.hcl.Value;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Attrs;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Trigger;
import io.atlas4j.schemahcl.BlockKind;
import io.atlas4j.schemahcl.Hcl;
import io.atlas4j.schemahcl.HclDialect;
import io.atlas4j.schemahcl.HclNode;
import io.atlas4j.schemahcl.OutBlock;
import io.atlas4j.schemahcl.TypeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's HCL schema language (Atlas's {@code postgres} sqlspec): types, index methods and operator
 * classes, partitions, row security, constraint extras, routine options, and the PostgreSQL-only blocks
 * ({@code domain}, {@code composite}, {@code aggregate}, {@code policy}, {@code extension}, {@code event_trigger}).
 */
public final class PostgresHcl implements HclDialect {

    private static final List<String> INDEX_TYPES = List.of("BTREE", "HASH", "GIN", "GIST", "SPGIST", "BRIN");
    private static final Map<String, String> INDEX_TYPE_SPELLING = Map.of("btree", "BTREE", "hash", "HASH",
            "gin", "GIN", "gist", "GiST", "spgist", "SPGiST", "brin", "BRIN");
    private static final Pattern EXECUTE = Pattern.compile(
            "EXECUTE (?:FUNCTION|PROCEDURE) (?:(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\.)?(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\(\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPCLASS = Pattern.compile("([^()]+?)\\s*(?:\\((.*)\\))?");

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public ColumnType parseType(TypeSpec spec) {
        return PostgresHclTypes.parse(spec);
    }

    @Override
    public TypeSpec formatType(ColumnType type, Realm realm) {
        return PostgresHclTypes.format(type, realm);
    }

    @Override
    public String sqlType(ColumnType type) {
        if (type instanceof ColumnType.UserTypeRef u) {
            return ident(u.schema()) + "." + ident(u.name());
        }
        return PostgresTypes.format(type);
    }

    @Override
    public ColumnType parseSqlType(String sql) {
        return PostgresTypes.parse(sql);
    }

    @Override
    public boolean generatedStoredByDefault() {
        return true;
    }

    @Override
    public Set<String> extraNames(BlockKind kind) {
        return switch (kind) {
            case TABLE -> Set.of("partition", "row_security", "unique", "exclude");
            case INDEX -> Set.of("type", "nulls_distinct", "page_per_range", "autosummarize");
            case INDEX_PART -> Set.of("ops", "op", "nulls_first", "nulls_last");
            case FOREIGN_KEY -> Set.of("deferrable");
            case CHECK -> Set.of("no_inherit");
            case FUNCTION -> Set.of("volatility", "strict", "leakproof", "security");
            case PROCEDURE -> Set.of("security");
            case TRIGGER -> Set.of("execute");
            case VIEW -> Set.of("check_option");
            default -> Set.of();
        };
    }

    @Override
    public List<Attr> readAttrs(BlockKind kind, HclNode n) {
        List<Attr> attrs = new ArrayList<>();
        switch (kind) {
            case TABLE -> {
                n.children("partition").stream().findFirst().flatMap(p -> partition(n, p)).ifPresent(attrs::add);
                n.children("row_security").stream().findFirst().ifPresent(r -> attrs.add(
                        new RowSecurity(r.bool("enabled").orElse(false), r.bool("enforced").orElse(false))));
            }
            case INDEX -> {
                attrs.add(new IndexType(n.keyword("type", INDEX_TYPES).orElse("BTREE").toLowerCase(Locale.ROOT)));
                if (!n.bool("nulls_distinct").orElse(true)) {
                    attrs.add(new NullsNotDistinct());
                }
                if (n.attribute("page_per_range").isPresent() || n.attribute("autosummarize").isPresent()) {
                    attrs.add(new IndexStorageParams(n.bool("autosummarize").orElse(false),
                            n.number("page_per_range").orElse(128L).intValue()));
                }
            }
            case INDEX_PART -> {
                boolean desc = n.bool("desc").orElse(false);
                // Only the non-default NULLS order of the part's direction is recorded, as inspection does.
                if (n.bool("nulls_first").orElse(false) && !desc) {
                    attrs.add(new NullsOrder(true));
                } else if (n.bool("nulls_last").orElse(false) && desc) {
                    attrs.add(new NullsOrder(false));
                }
                opClass(n).ifPresent(attrs::add);
                n.string("op").ifPresent(op -> attrs.add(new ExcludeOperator(op)));
            }
            case FOREIGN_KEY -> {
                if (n.attribute("deferrable").isPresent()) {
                    boolean word = io.atlas4j.hcl.Expressions.keyword(n.attribute("deferrable").get().expression()).isPresent();
                    Optional<Value> v = word ? Optional.empty() : n.value("deferrable");
                    if (v.isPresent() && v.get() instanceof Value.Bool b) {
                        if (b.value()) {
                            attrs.add(new Deferrable(false));
                        }
                    } else {
                        n.keyword("deferrable", List.of("INITIALLY_IMMEDIATE", "INITIALLY_DEFERRED"))
                                .ifPresent(d -> attrs.add(new Deferrable(d.equals("INITIALLY_DEFERRED"))));
                    }
                }
            }
            case CHECK -> {
                if (n.bool("no_inherit").orElse(false)) {
                    attrs.add(new NoInherit());
                }
            }
            case VIEW -> n.keyword("check_option", List.of("LOCAL", "CASCADED"))
                    .ifPresent(o -> attrs.add(new CheckOption(o.equals("CASCADED"))));
            case FUNCTION, PROCEDURE -> {
                n.keyword("volatility", List.of("VOLATILE", "STABLE", "IMMUTABLE"))
                        .filter(v -> !v.equals("VOLATILE"))
                        .ifPresent(v -> attrs.add(new Volatility(Volatility.Kind.valueOf(v))));
                if (n.bool("strict").orElse(false)) {
                    attrs.add(new Strict());
                }
                if (n.bool("leakproof").orElse(false)) {
                    attrs.add(new Leakproof());
                }
                n.keyword("security", List.of("DEFINER", "INVOKER")).filter("DEFINER"::equals)
                        .ifPresent(s -> attrs.add(new SecurityDefiner()));
            }
            default -> {
            }
        }
        return attrs;
    }

    private static Optional<Attr> partition(HclNode table, HclNode p) {
        String where = table.name() + ".partition";
        Optional<String> type = p.keyword("type", List.of("RANGE", "LIST", "HASH"));
        if (p.attribute("type").isEmpty()) {
            p.error(p.range(), "missing attribute " + where + ".type");
            return Optional.empty();
        }
        List<HclNode> by = p.children("by");
        boolean cols = p.attribute("columns").isPresent();
        if (cols && !by.isEmpty()) {
            p.error(p.range(), "multiple definitions for " + where + ", use \"columns\" or \"by\"");
            return Optional.empty();
        }
        if (!cols && by.isEmpty()) {
            p.error(p.range(), "missing columns or expressions for " + where);
            return Optional.empty();
        }
        List<PartitionKey> keys = new ArrayList<>();
        if (cols) {
            p.columns("columns").forEach(c -> keys.add(new PartitionKey(Optional.of(c), Optional.empty())));
        }
        for (HclNode b : by) {
            if (b.attribute("column").isPresent() == b.attribute("expr").isPresent()) {
                b.error(b.range(), "a by block of " + where + " needs exactly one of \"column\" or \"expr\"");
                continue;
            }
            if (b.attribute("column").isPresent()) {
                b.list("column").stream().findFirst().flatMap(b::column)
                        .ifPresent(c -> keys.add(new PartitionKey(Optional.of(c.column()), Optional.empty())));
            } else {
                b.string("expr").ifPresent(x -> keys.add(new PartitionKey(Optional.empty(), Optional.of(x))));
            }
        }
        return type.map(t -> new Partition(Partition.Strategy.valueOf(t), keys));
    }

    private static Optional<Attr> opClass(HclNode n) {
        if (n.attribute("ops").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = io.atlas4j.hcl.Expressions.keyword(n.attribute("ops").get().expression()).or(() -> n.text("ops"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = OPCLASS.matcher(text.get().trim());
        if (!m.matches()) {
            n.error(n.attribute("ops").get().range(), "invalid operator class " + text.get());
            return Optional.empty();
        }
        List<String> params = m.group(2) == null || m.group(2).isBlank() ? List.of()
                : Arrays.stream(m.group(2).split(",")).map(String::trim).toList();
        return Optional.of(new OpClass(m.group(1), params));
    }

    @Override
    public void writeAttrs(BlockKind kind, List<Attr> attrs, OutBlock out) {
        switch (kind) {
            case TABLE -> {
                Attrs.find(attrs, Partition.class).ifPresent(p -> {
                    OutBlock b = new OutBlock("partition").attr("type", p.strategy().name());
                    if (p.keys().stream().allMatch(k -> k.column().isPresent())) {
                        b.attr("columns", Hcl.list(p.keys().stream().map(k -> Hcl.ref("column", k.column().get())).toList()));
                    } else {
                        for (PartitionKey k : p.keys()) {
                            b.child(k.column().isPresent() ? new OutBlock("by").attr("column", Hcl.ref("column", k.column().get()))
                                    : new OutBlock("by").str("expr", k.expr().get()));
                        }
                    }
                    out.child(b);
                });
                Attrs.find(attrs, RowSecurity.class).ifPresent(r -> out.child(new OutBlock("row_security")
                        .attr("enabled", Boolean.toString(r.enabled())).attr("enforced", Boolean.toString(r.enforced()))));
            }
            case INDEX -> {
                Attrs.find(attrs, IndexType.class).filter(t -> !t.name().equalsIgnoreCase("btree"))
                        .ifPresent(t -> out.attr("type", INDEX_TYPE_SPELLING.getOrDefault(t.name().toLowerCase(Locale.ROOT),
                                Hcl.quote(t.name()))));
                if (Attrs.find(attrs, NullsNotDistinct.class).isPresent()) {
                    out.attr("nulls_distinct", "false");
                }
                Attrs.find(attrs, IndexStorageParams.class).ifPresent(s -> {
                    if (s.pagesPerRange() != 128) {
                        out.attr("page_per_range", Integer.toString(s.pagesPerRange()));
                    }
                    if (s.autosummarize()) {
                        out.attr("autosummarize", "true");
                    }
                });
            }
            case INDEX_PART -> {
                Attrs.find(attrs, NullsOrder.class).ifPresent(o -> out.attr(o.first() ? "nulls_first" : "nulls_last", "true"));
                Attrs.find(attrs, OpClass.class).ifPresent(o -> out.attr("ops",
                        o.params().isEmpty() && o.name().matches("[a-z_][a-z0-9_]*") ? o.name()
                                : o.params().isEmpty() ? Hcl.quote(o.name())
                                : Hcl.sql(o.name() + "(" + String.join(", ", o.params()) + ")")));
                Attrs.find(attrs, ExcludeOperator.class).ifPresent(o -> out.str("op", o.operator()));
            }
            case FOREIGN_KEY -> Attrs.find(attrs, Deferrable.class).ifPresent(d -> out.attr("deferrable",
                    d.initiallyDeferred() ? "INITIALLY_DEFERRED" : "INITIALLY_IMMEDIATE"));
            case CHECK -> {
                if (Attrs.find(attrs, NoInherit.class).isPresent()) {
                    out.attr("no_inherit", "true");
                }
            }
            case VIEW -> Attrs.find(attrs, CheckOption.class)
                    .ifPresent(o -> out.attr("check_option", o.cascaded() ? "CASCADED" : "LOCAL"));
            case FUNCTION, PROCEDURE -> {
                Attrs.find(attrs, Volatility.class).ifPresent(v -> out.attr("volatility", v.kind().name()));
                if (Attrs.find(attrs, Strict.class).isPresent()) {
                    out.attr("strict", "true");
                }
                if (Attrs.find(attrs, Leakproof.class).isPresent()) {
                    out.attr("leakproof", "true");
                }
                if (Attrs.find(attrs, SecurityDefiner.class).isPresent()) {
                    out.attr("security", "DEFINER");
                }
            }
            default -> {
            }
        }
    }

    @Override
    public Optional<String> triggerBody(HclNode trigger) {
        List<HclNode> exec = trigger.children("execute");
        if (exec.isEmpty()) {
            return Optional.empty();
        }
        HclNode e = exec.get(0);
        Optional<HclNode.Located> f = e.list("function").stream().findFirst();
        if (f.isEmpty()) {
            e.error(e.range(), "missing attribute \"function\" in the execute block of trigger \"" + trigger.name() + "\"");
            return Optional.of("");
        }
        return e.object(f.get(), "function", "procedure")
                .map(r -> "EXECUTE FUNCTION " + ident(r.schema()) + "." + ident(r.name()) + "()")
                .or(() -> Optional.of(""));
    }

    @Override
    public boolean writeTriggerBody(Trigger trigger, OutBlock out) {
        Matcher m = EXECUTE.matcher(trigger.body().trim());
        if (!m.matches()) {
            return false;
        }
        out.child(new OutBlock("execute").attr("function", Hcl.ref("function", unquote(m.group(2)))));
        return true;
    }

    @Override
    public Set<String> topLevelBlocks() {
        return PostgresHclObjects.BLOCKS;
    }

    @Override
    public Optional<ReadObject> readObject(HclNode node) {
        return PostgresHclObjects.read(this, node);
    }

    @Override
    public List<OutBlock> writeSchemaObjects(String schema, List<SchemaObject> objects, Realm realm) {
        return PostgresHclObjects.writeSchemaObjects(this, schema, objects, realm);
    }

    @Override
    public List<OutBlock> writeRealmObjects(List<RealmObject> objects, Realm realm) {
        return PostgresHclObjects.writeRealmObjects(objects);
    }

    /** {@code name} as an SQL identifier: quoted unless it is a plain lower-case name. */
    static String ident(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    static String unquote(String ident) {
        return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1).replace("\"\"", "\"") : ident;
    }
}
