package io.atlas4j.schemahcl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Attribute;
import io.atlas4j.hcl.Block;
import io.atlas4j.hcl.Evaluator;
import io.atlas4j.hcl.Expression;
import io.atlas4j.hcl.Expressions;
import io.atlas4j.hcl.Value;
import io.atlas4j.hcl.Values;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.source.SourceRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One block of a schema document while it is read: typed access to its attributes and children, reference
 * resolution against the whole document, and error reporting (errors are collected; the reader throws them
 * all at the end). Dialects read their attributes through it.
 */
public final class HclNode {

    private final Block block;
    private final Document doc;
    /** The table, view or type whose {@code column} children {@code column.x} names; null at top level. */
    private final Document.Entry owner;
    private final String schema;
    /** The evaluation context: the document's, plus {@code each} inside a {@code for_each} block. */
    private final io.atlas4j.hcl.EvalContext context;

    HclNode(Block block, Document doc, Document.Entry owner, String schema) {
        this(block, doc, owner, schema, owner != null && owner.each() != null
                ? doc.context().withVariable("each", owner.each()) : doc.context());
    }

    private HclNode(Block block, Document doc, Document.Entry owner, String schema, io.atlas4j.hcl.EvalContext context) {
        this.block = block;
        this.doc = doc;
        this.owner = owner;
        this.schema = schema;
        this.context = context;
    }

    /** The underlying block. */
    public Block block() {
        return block;
    }

    /** The block type. */
    public String type() {
        return block.type();
    }

    /** The name label (the last label), or empty for an unnamed block. */
    public String name() {
        return block.labels().isEmpty() ? "" : block.labels().get(block.labels().size() - 1);
    }

    /** Where the block is. */
    public SourceRange range() {
        return block.range();
    }

    /** The real name of the schema the enclosing top-level block belongs to ("" when it has none). */
    public String schema() {
        return schema;
    }

    /** Records an error; reading goes on so that all errors of a document are reported at once. */
    public void error(SourceRange at, String message) {
        doc.error(at, message);
    }

    /** The attribute called {@code name}. */
    public Optional<Attribute> attribute(String name) {
        return block.body().attribute(name);
    }

    /** The child blocks of one type, as nodes with the same owner. */
    public List<HclNode> children(String type) {
        List<HclNode> out = new ArrayList<>();
        for (Block b : block.body().blocks(type)) {
            out.add(new HclNode(b, doc, owner, schema, context));
        }
        return out;
    }

    /** The evaluated value of an attribute; empty if absent or after reporting an evaluation error. */
    public Optional<Value> value(String name) {
        return attribute(name).flatMap(a -> eval(a.expression()));
    }

    /** Evaluates an expression of this block; empty after reporting an evaluation error. */
    public Optional<Value> eval(Expression e) {
        try {
            return Optional.of(Evaluator.evaluate(e, context));
        } catch (DiagnosticException ex) {
            ex.diagnostics().forEach(d -> doc.error(d.range(), d.message()));
            return Optional.empty();
        }
    }

    /** A string attribute (a heredoc loses its final line break). */
    public Optional<String> string(String name) {
        Optional<Attribute> a = attribute(name);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (a.get().expression() instanceof Expression.TemplateExpr t && hasReferenceName(t)) {
            return template(t);
        }
        Optional<Value> v = eval(a.get().expression());
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof Value.Str || v.get() instanceof Value.Num || v.get() instanceof Value.Bool)) {
            error(a.get().expression().range(), "attribute \"" + name + "\" must be a string, got " + v.get().typeName());
            return Optional.empty();
        }
        String s = Values.asString(v.get(), a.get().range());
        if (a.get().expression() instanceof Expression.TemplateExpr t && t.heredoc() && s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return Optional.of(s);
    }

    /** Whether a template interpolates an object's name ({@code "${table.users.name}"}). */
    private static boolean hasReferenceName(Expression.TemplateExpr t) {
        return t.parts().stream().anyMatch(p -> p instanceof Expression.TemplateInterpolation i && referenceName(i.expr()));
    }

    private static boolean referenceName(Expression e) {
        Optional<List<String>> path = Expressions.traversal(e);
        return path.isPresent() && path.get().size() >= 3 && Document.ROOTS.contains(path.get().get(0))
                && path.get().get(path.get().size() - 1).equals("name");
    }

    /** A template whose {@code ${<ref>.name}} parts become the referenced objects' real names. */
    private Optional<String> template(Expression.TemplateExpr t) {
        StringBuilder sb = new StringBuilder();
        for (Expression.TemplatePart part : t.parts()) {
            if (part instanceof Expression.TemplateLiteral l) {
                sb.append(l.text());
                continue;
            }
            Expression e = ((Expression.TemplateInterpolation) part).expr();
            if (referenceName(e)) {
                List<String> path = Expressions.traversal(e).get();
                Located ref = new Located(new Value.Ref(path.subList(0, path.size() - 1)), e.range());
                Optional<String> name;
                if (path.get(0).equals("schema")) {
                    name = doc.schema(ref);
                } else if (path.get(path.size() - 3).equals("column")) {
                    name = column(ref).map(Document.ColumnRef::column);
                } else {
                    name = object(ref, path.get(0)).map(Document.ObjectRef::name);
                }
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                sb.append(name.get());
                continue;
            }
            Optional<Value> v = eval(e);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (!(v.get() instanceof Value.Str || v.get() instanceof Value.Num || v.get() instanceof Value.Bool)) {
                error(e.range(), "cannot interpolate " + v.get().typeName() + " into a string");
                return Optional.empty();
            }
            sb.append(Values.asString(v.get(), e.range()));
        }
        String s = sb.toString();
        if (t.heredoc() && s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return Optional.of(s);
    }

    /** A string or {@code sql("...")} attribute, as text. */
    public Optional<String> text(String name) {
        Optional<Attribute> a = attribute(name);
        if (a.isPresent()) {
            Optional<Value> v = eval(a.get().expression());
            if (v.isPresent() && Values.rawSql(v.get()).isPresent()) {
                return Values.rawSql(v.get());
            }
        }
        return string(name);
    }

    /** A bool attribute. */
    public Optional<Boolean> bool(String name) {
        Optional<Attribute> a = attribute(name);
        Optional<Value> v = a.flatMap(x -> eval(x.expression()));
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Values.asBool(v.get(), a.get().expression().range()));
        } catch (DiagnosticException ex) {
            ex.diagnostics().forEach(d -> doc.error(d.range(), "attribute \"" + name + "\": " + d.message()));
            return Optional.empty();
        }
    }

    /** A whole-number attribute. */
    public Optional<Long> number(String name) {
        Optional<Attribute> a = attribute(name);
        Optional<Value> v = a.flatMap(x -> eval(x.expression()));
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal n = Values.asNumber(v.get(), a.get().expression().range());
            return Optional.of(n.longValueExact());
        } catch (DiagnosticException ex) {
            ex.diagnostics().forEach(d -> doc.error(d.range(), "attribute \"" + name + "\": " + d.message()));
        } catch (ArithmeticException ex) {
            error(a.get().expression().range(), "attribute \"" + name + "\" must be a whole number");
        }
        return Optional.empty();
    }

    /**
     * An enum-like attribute: a bare identifier ({@code CASCADE}) or a string ({@code "CASCADE"}), upper-cased
     * and checked against {@code allowed} (when not empty).
     */
    public Optional<String> keyword(String name, List<String> allowed) {
        Optional<Attribute> a = attribute(name);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Expression e = a.get().expression();
        Optional<String> word = Expressions.keyword(e);
        if (word.isEmpty()) {
            Optional<Value> v = eval(e);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (!(v.get() instanceof Value.Str s)) {
                error(e.range(), "attribute \"" + name + "\" must be one of " + String.join(", ", allowed));
                return Optional.empty();
            }
            word = Optional.of(s.value().trim().replace(' ', '_'));
        }
        String w = word.get().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.isEmpty() && !allowed.contains(w)) {
            error(e.range(), "invalid value " + word.get() + " for attribute \"" + name + "\"; expected one of "
                    + String.join(", ", allowed));
            return Optional.empty();
        }
        return Optional.of(w);
    }

    /** The items of a list attribute with their positions; a single item is taken as a one-element list. */
    public List<Located> list(String name) {
        Optional<Attribute> a = attribute(name);
        if (a.isEmpty()) {
            return List.of();
        }
        Expression e = a.get().expression();
        List<Located> out = new ArrayList<>();
        if (e instanceof Expression.TupleExpr t) {
            for (Expression item : t.items()) {
                eval(item).ifPresent(v -> out.add(new Located(v, item.range())));
            }
            return out;
        }
        Optional<Value> v = eval(e);
        if (v.isPresent()) {
            if (v.get() instanceof Value.ListV || v.get() instanceof Value.SetV) {
                Values.asList(v.get(), e.range()).forEach(i -> out.add(new Located(i, e.range())));
            } else {
                out.add(new Located(v.get(), e.range()));
            }
        }
        return out;
    }

    /** The strings of a list attribute. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (Located l : list(name)) {
            if (l.value() instanceof Value.Str || l.value() instanceof Value.Num) {
                out.add(Values.asString(l.value(), l.range()));
            } else {
                error(l.range(), "attribute \"" + name + "\" must be a list of strings, got " + l.value().typeName());
            }
        }
        return out;
    }

    /** The column names a list attribute references ({@code [column.a, table.t.column.b]}). */
    public List<String> columns(String name) {
        List<String> out = new ArrayList<>();
        for (Located l : list(name)) {
            column(l).ifPresent(c -> out.add(c.column()));
        }
        return out;
    }

    /** Resolves a column reference; relative ones ({@code column.x}) name a sibling of the enclosing table. */
    public Optional<Document.ColumnRef> column(Located ref) {
        return doc.column(ref, owner);
    }

    /** Resolves a reference to a top-level block of one of {@code kinds} ({@code function.f}, {@code table.t}). */
    public Optional<Document.ObjectRef> object(Located ref, String... kinds) {
        return doc.object(ref, List.of(kinds));
    }

    /** The column type of a {@code type} attribute (or any attribute holding a type). */
    public Optional<ColumnType> type(String name) {
        Optional<Attribute> a = attribute(name);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        return doc.type(a.get().expression(), this);
    }

    /** Reports every attribute and child block not in {@code known}. */
    void checkNames(java.util.Set<String> known, String what) {
        for (Attribute a : block.body().attributes()) {
            boolean forEach = a.name().equals("for_each") && owner != null && owner.block() == block && owner.each() != null;
            if (!known.contains(a.name()) && !forEach) {
                error(a.range(), "unsupported attribute \"" + a.name() + "\" in " + what);
            }
        }
        for (Block b : block.body().blocks()) {
            if (!known.contains(b.type())) {
                error(b.range(), "unsupported block \"" + b.type() + "\" in " + what);
            }
        }
    }

    /** A node for a child of this block that names its own columns (a materialized view's index). */
    HclNode withOwner(Document.Entry newOwner) {
        return new HclNode(block, doc, newOwner, schema, context);
    }

    /** A value and where it is written. */
    public record Located(Value value, SourceRange range) {
    }
}
