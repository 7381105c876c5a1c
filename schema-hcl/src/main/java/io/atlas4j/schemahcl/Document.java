package io.atlas4j.schemahcl;

import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.EvalContext;
import io.atlas4j.hcl.Expression;
import io.atlas4j.hcl.Expressions;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level blocks of all files of one schema document, indexed for reference resolution, plus the
 * evaluation context and the diagnostics collected so far.
 */
public final class Document {

    /** Reference roots kept symbolic while evaluating, resolved here. */
    static final java.util.Set<String> ROOTS = java.util.Set.of("schema", "table", "column", "view", "materialized",
            "enum", "domain", "composite", "function", "procedure", "sequence", "index", "aggregate", "trigger",
            "extension", "policy", "event_trigger", "type_alias", "type_table");

    /**
     * A top-level block.
     *
     * @param qualifier the first label of a two-label block ({@code table "s" "t"}), or null
     * @param schema the real name of its schema ("" when it has none)
     * @param each the {@code each} object ({@code key}, {@code value}) of one {@code for_each} expansion, or null
     */
    public record Entry(String type, String qualifier, String name, String schema, Block block, Value each) {
    }

    /** A resolved column: table (or view/type) entry plus column name. */
    public record ColumnRef(Entry owner, String column) {
    }

    /** A resolved top-level object. */
    public record ObjectRef(String kind, String schema, String name, Entry entry) {
    }

    private final HclDialect dialect;
    private final EvalContext context;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, List<Entry>> byType = new LinkedHashMap<>();
    private final Map<String, String> schemaNames = new LinkedHashMap<>();

    Document(HclDialect dialect, EvalContext context) {
        this.dialect = dialect;
        this.context = context.withSymbolicRoots(ROOTS);
    }

    HclDialect dialect() {
        return dialect;
    }

    EvalContext context() {
        return context;
    }

    void error(SourceRange at, String message) {
        diagnostics.add(new Diagnostic(at, message));
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void addSchema(String label, String realName) {
        schemaNames.put(label, realName);
    }

    Map<String, String> schemaNames() {
        return schemaNames;
    }

    void add(Entry e) {
        byType.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
    }

    List<Entry> entries(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The real schema name of a {@code schema.x} reference. */
    Optional<String> schema(HclNode.Located ref) {
        if (ref.value() instanceof Value.Ref r && r.path().size() == 2 && r.path().get(0).equals("schema")) {
            String real = schemaNames.get(r.path().get(1));
            if (real == null) {
                error(ref.range(), "schema \"" + r.path().get(1) + "\" is not defined: reference schema." + r.path().get(1));
                return Optional.empty();
            }
            return Optional.of(real);
        }
        error(ref.range(), "expected a schema reference (schema.<name>), got " + Values.display(ref.value()));
        return Optional.empty();
    }

    Optional<ObjectRef> object(HclNode.Located ref, List<String> kinds) {
        if (!(ref.value() instanceof Value.Ref r) || r.path().size() < 2 || !kinds.contains(r.path().get(0))) {
            error(ref.range(), "expected a reference to a " + String.join(" or ", kinds) + ", got "
                    + Values.display(ref.value()));
            return Optional.empty();
        }
        List<String> p = r.path();
        String kind = p.get(0);
        String qualifier = p.size() == 3 ? p.get(1) : null;
        if (p.size() > 3) {
            error(ref.range(), "invalid reference " + String.join(".", p));
            return Optional.empty();
        }
        return find(kind, qualifier, p.get(p.size() - 1), ref.range())
                .map(e -> new ObjectRef(kind, e.schema(), e.name(), e));
    }

    private Optional<Entry> find(String kind, String qualifier, String name, SourceRange at) {
        List<Entry> hits = new ArrayList<>();
        for (Entry e : entries(kind)) {
            if (e.name().equals(name) && (qualifier == null || qualifier.equals(e.qualifier()))) {
                hits.add(e);
            }
        }
        String shown = kind + "." + (qualifier == null ? "" : qualifier + ".") + name;
        if (hits.isEmpty()) {
            error(at, kind.replace('_', ' ') + " \"" + name + "\" is not defined: reference " + shown
                    + " does not resolve");
            return Optional.empty();
        }
        if (hits.size() > 1) {
            error(at, "reference " + shown + " is ambiguous: " + hits.size() + " " + kind
                    + " blocks have that name; use qualified labels (" + kind + " \"<schema>\" \"" + name + "\")");
            return Optional.empty();
        }
        return Optional.of(hits.get(0));
    }

    Optional<ColumnRef> column(HclNode.Located ref, Entry owner) {
        if (!(ref.value() instanceof Value.Ref r)) {
            error(ref.range(), "expected a column reference, got " + Values.display(ref.value()));
            return Optional.empty();
        }
        List<String> p = r.path();
        Entry table;
        String column;
        if (p.size() == 2 && p.get(0).equals("column")) {
            if (owner == null) {
                error(ref.range(), "relative reference column." + p.get(1)
                        + " is only valid inside a table; use table.<t>.column." + p.get(1));
                return Optional.empty();
            }
            table = owner;
            column = p.get(1);
        } else if ((p.size() == 4 || p.size() == 5) && p.get(p.size() - 2).equals("column")
                && List.of("table", "view", "materialized").contains(p.get(0))) {
            Optional<Entry> t = find(p.get(0), p.size() == 5 ? p.get(1) : null, p.get(p.size() - 3), ref.range());
            if (t.isEmpty()) {
                return Optional.empty();
            }
            table = t.get();
            column = p.get(p.size() - 1);
        } else {
            error(ref.range(), "expected a column reference (column.<c> or table.<t>.column.<c>), got "
                    + String.join(".", p));
            return Optional.empty();
        }
        boolean exists = table.block().body().blocks("column").stream()
                .anyMatch(b -> !b.labels().isEmpty() && b.labels().get(0).equals(column));
        if (!exists) {
            error(ref.range(), "column \"" + column + "\" does not exist in " + table.type() + " \"" + table.name()
                    + "\": reference " + String.join(".", p) + " does not resolve");
            return Optional.empty();
        }
        return Optional.of(new ColumnRef(table, column));
    }

    /** The column type an HCL type expression denotes, via the dialect; errors are reported at the expression. */
    Optional<ColumnType> type(Expression e, HclNode at) {
        Optional<TypeSpec> spec = typeSpec(e, at);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(dialect.parseType(spec.get()));
        } catch (IllegalArgumentException ex) {
            error(e.range(), ex.getMessage());
            return Optional.empty();
        }
    }

    private Optional<TypeSpec> typeSpec(Expression e, HclNode at) {
        Optional<String> word = Expressions.keyword(e);
        if (word.isPresent()) {
            return Optional.of(new TypeSpec.Named(word.get(), List.of()));
        }
        if (e instanceof Expression.FunctionCallExpr f && !f.name().equals("sql")) {
            List<String> args = new ArrayList<>();
            for (Expression arg : f.args()) {
                Optional<Value> v = at.eval(arg);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                if (!(v.get() instanceof Value.Str || v.get() instanceof Value.Num)) {
                    error(arg.range(), "type argument must be a number or a string");
                    return Optional.empty();
                }
                args.add(Values.asString(v.get(), arg.range()));
            }
            return Optional.of(new TypeSpec.Named(f.name(), args));
        }
        Optional<List<String>> path = Expressions.traversal(e);
        if (path.isPresent() && path.get().size() == 2 && ROOTS.contains(path.get().get(0))) {
            Optional<ObjectRef> o = object(new HclNode.Located(new Value.Ref(path.get()), e.range()),
                    List.of(path.get().get(0)));
            return o.map(r -> new TypeSpec.Ref(r.kind(), r.schema(), r.name()));
        }
        Optional<Value> v = at.eval(e);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> raw = Values.rawSql(v.get());
        if (raw.isPresent()) {
            return Optional.of(new TypeSpec.Raw(raw.get()));
        }
        if (v.get() instanceof Value.Str s) {
            return Optional.of(new TypeSpec.Named(s.value(), List.of()));
        }
        error(e.range(), "invalid type expression: expected a type name, a call like varchar(255), sql(\"...\") "
                + "or a reference like enum.<name>");
        return Optional.empty();
    }
}
