package io.atlas4j.hcl;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Expression.BinaryExpr;
import io.atlas4j.hcl.Expression.ConditionalExpr;
import io.atlas4j.hcl.Expression.ForExpr;
import io.atlas4j.hcl.Expression.FunctionCallExpr;
import io.atlas4j.hcl.Expression.GetAttrExpr;
import io.atlas4j.hcl.Expression.IndexExpr;
import io.atlas4j.hcl.Expression.LiteralExpr;
import io.atlas4j.hcl.Expression.ObjectExpr;
import io.atlas4j.hcl.Expression.ObjectItem;
import io.atlas4j.hcl.Expression.ParenExpr;
import io.atlas4j.hcl.Expression.SplatExpr;
import io.atlas4j.hcl.Expression.SplatItemExpr;
import io.atlas4j.hcl.Expression.TemplateExpr;
import io.atlas4j.hcl.Expression.TemplateInterpolation;
import io.atlas4j.hcl.Expression.TemplateLiteral;
import io.atlas4j.hcl.Expression.TemplatePart;
import io.atlas4j.hcl.Expression.TupleExpr;
import io.atlas4j.hcl.Expression.UnaryExpr;
import io.atlas4j.hcl.Expression.VariableExpr;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Evaluates expressions against an {@link EvalContext}. */
public final class Evaluator {

    private final EvalContext ctx;
    /** The element a splat's traversal applies to, or null outside splats. */
    private final Value splatItem;

    private Evaluator(EvalContext ctx, Value splatItem) {
        this.ctx = ctx;
        this.splatItem = splatItem;
    }

    /**
     * Evaluates {@code e}.
     *
     * @throws DiagnosticException at the offending sub-expression: unknown variable, unsupported attribute,
     *     unknown function, type errors
     */
    public static Value evaluate(Expression e, EvalContext ctx) {
        return new Evaluator(ctx, null).eval(e);
    }

    private static DiagnosticException error(SourceRange at, String message) {
        return new DiagnosticException(new Diagnostic(at, message));
    }

    private Value eval(Expression e) {
        if (e instanceof LiteralExpr l) {
            return l.value();
        }
        if (e instanceof TemplateExpr t) {
            return template(t);
        }
        if (e instanceof VariableExpr v) {
            return variable(v);
        }
        if (e instanceof GetAttrExpr g) {
            return getAttr(g);
        }
        if (e instanceof IndexExpr i) {
            return index(i);
        }
        if (e instanceof FunctionCallExpr f) {
            return call(f);
        }
        if (e instanceof TupleExpr t) {
            List<Value> items = new ArrayList<>(t.items().size());
            for (Expression item : t.items()) {
                items.add(eval(item));
            }
            return new Value.ListV(items);
        }
        if (e instanceof ObjectExpr o) {
            return object(o);
        }
        if (e instanceof ParenExpr p) {
            return eval(p.inner());
        }
        if (e instanceof UnaryExpr u) {
            return unary(u);
        }
        if (e instanceof BinaryExpr b) {
            return binary(b);
        }
        if (e instanceof ConditionalExpr c) {
            boolean cond = bool(c.condition());
            return eval(cond ? c.whenTrue() : c.whenFalse());
        }
        if (e instanceof ForExpr f) {
            return forExpr(f);
        }
        if (e instanceof SplatExpr s) {
            return splat(s);
        }
        if (e instanceof SplatItemExpr s) {
            if (splatItem == null) {
                throw error(s.range(), "splat element used outside a splat expression");
            }
            return splatItem;
        }
        throw new IllegalStateException("unknown expression " + e.getClass());
    }

    // ---------------------------------------------------------------- variables and traversals

    private Value variable(VariableExpr v) {
        Optional<Value> value = ctx.variable(v.name());
        if (value.isPresent()) {
            return value.get();
        }
        if (ctx.isSymbolicRoot(v.name())) {
            return new Value.Ref(List.of(v.name()));
        }
        throw error(v.range(), "unknown variable \"" + v.name() + "\"");
    }

    private Value getAttr(GetAttrExpr g) {
        Optional<List<String>> path = Expressions.traversal(g);
        if (path.isPresent()) {
            String root = path.get().get(0);
            if (ctx.variable(root).isEmpty() && !ctx.isSymbolicRoot(root)) {
                String kind = root.equals("local") ? "local" : "variable";
                throw error(g.range(), "unknown " + kind + " \"" + String.join(".", path.get()) + "\"");
            }
        }
        Value target = eval(g.target());
        if (target instanceof Value.Ref r) {
            return extend(r, g.name());
        }
        if (target instanceof Value.Obj o) {
            Value v = o.entries().get(g.name());
            if (v != null) {
                return v;
            }
            if (g.target() instanceof VariableExpr root && root.name().equals("var")) {
                throw error(g.range(), "unknown variable \"var." + g.name() + "\"");
            }
            if (g.target() instanceof VariableExpr root && root.name().equals("local")) {
                throw error(g.range(), "unknown local \"local." + g.name() + "\"");
            }
            throw error(g.range(), "unsupported attribute \"" + g.name() + "\" on object" + keysHint(o));
        }
        if (target instanceof Value.Null) {
            throw error(g.range(), "attempt to get attribute \"" + g.name() + "\" from a null value");
        }
        throw error(g.range(), "unsupported attribute \"" + g.name() + "\" on " + Values.describe(target));
    }

    private static String keysHint(Value.Obj o) {
        if (o.entries().isEmpty() || o.entries().size() > 12) {
            return "";
        }
        return "; it has " + String.join(", ", new TreeMap<>(o.entries()).keySet());
    }

    private static Value.Ref extend(Value.Ref r, String name) {
        List<String> path = new ArrayList<>(r.path());
        path.add(name);
        return new Value.Ref(path);
    }

    private Value index(IndexExpr i) {
        Value target = eval(i.target());
        Value key = eval(i.key());
        SourceRange at = i.key().range();
        if (target instanceof Value.Ref r) {
            if (key instanceof Value.Str || key instanceof Value.Num) {
                return extend(r, Values.asString(key, at));
            }
            throw error(at, "invalid index: expected a string or number, got " + Values.describe(key));
        }
        if (target instanceof Value.ListV l) {
            return element(l.items(), key, at);
        }
        if (target instanceof Value.Obj o) {
            if (key instanceof Value.Null) {
                throw error(at, "invalid index: the key is null");
            }
            if (!(key instanceof Value.Str || key instanceof Value.Num || key instanceof Value.Bool)) {
                throw error(at, "invalid index: expected a string, got " + Values.describe(key));
            }
            String k = Values.asString(key, at);
            Value v = o.entries().get(k);
            if (v == null) {
                throw error(i.range(), "no element with key " + Values.quote(k) + keysHint(o));
            }
            return v;
        }
        if (target instanceof Value.SetV) {
            throw error(i.range(), "a set cannot be indexed; convert it with tolist() first");
        }
        if (target instanceof Value.Null) {
            throw error(i.range(), "attempt to index a null value");
        }
        throw error(i.range(), "cannot index " + Values.describe(target));
    }

    private static Value element(List<Value> items, Value key, SourceRange at) {
        if (!(key instanceof Value.Num) && !(key instanceof Value.Str)) {
            throw error(at, "invalid index: expected a number, got " + Values.describe(key));
        }
        BigDecimal n = Values.asNumber(key, at);
        int idx;
        try {
            idx = n.intValueExact();
        } catch (ArithmeticException notWhole) {
            throw error(at, "invalid index " + Values.numberText(n) + ": expected a whole number");
        }
        if (idx < 0 || idx >= items.size()) {
            throw error(at, "index " + idx + " out of range for a list of " + items.size() + " element"
                    + (items.size() == 1 ? "" : "s"));
        }
        return items.get(idx);
    }

    private Value splat(SplatExpr s) {
        Value source = eval(s.source());
        List<Value> items;
        if (source instanceof Value.Null) {
            return new Value.ListV(List.of());
        } else if (source instanceof Value.ListV l) {
            items = l.items();
        } else if (source instanceof Value.SetV set) {
            items = set.items();
        } else {
            // HCL applies a splat to a single value as if it were a one-element tuple.
            items = List.of(source);
        }
        List<Value> out = new ArrayList<>(items.size());
        for (Value item : items) {
            out.add(new Evaluator(ctx, item).eval(s.each()));
        }
        return new Value.ListV(out);
    }

    // ---------------------------------------------------------------- constructors and templates

    private Value template(TemplateExpr t) {
        List<TemplatePart> parts = t.parts();
        if (parts.size() == 1 && parts.get(0) instanceof TemplateInterpolation only) {
            // "${x}" yields x itself, unconverted, as in HCL.
            return eval(only.expr());
        }
        StringBuilder sb = new StringBuilder();
        for (TemplatePart part : parts) {
            if (part instanceof TemplateLiteral lit) {
                sb.append(lit.text());
            } else {
                Expression e = ((TemplateInterpolation) part).expr();
                sb.append(interpolate(eval(e), e.range()));
            }
        }
        return Value.of(sb.toString());
    }

    private static String interpolate(Value v, SourceRange at) {
        if (v instanceof Value.Null) {
            throw error(at, "cannot interpolate a null value into a string");
        }
        if (v instanceof Value.ListV || v instanceof Value.SetV || v instanceof Value.Obj) {
            throw error(at, "cannot interpolate " + (v instanceof Value.Obj ? "an object" : "a " + v.typeName())
                    + " into a string; use join() or jsonencode()");
        }
        if (v instanceof Value.Ref r) {
            throw error(at, "cannot interpolate the reference " + Values.display(r) + " into a string");
        }
        return Values.asString(v, at);
    }

    private Value object(ObjectExpr o) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (ObjectItem item : o.items()) {
            String key = objectKey(item.key());
            if (entries.containsKey(key)) {
                throw error(item.key().range(), "duplicate key " + Values.quote(key) + " in object");
            }
            entries.put(key, eval(item.value()));
        }
        return new Value.Obj(entries);
    }

    private String objectKey(Expression key) {
        if (key instanceof VariableExpr v) {
            return v.name();
        }
        Value k = eval(key);
        if (k instanceof Value.Null) {
            throw error(key.range(), "object key is null");
        }
        if (!(k instanceof Value.Str || k instanceof Value.Num || k instanceof Value.Bool)) {
            throw error(key.range(), "object key must be a string, got " + Values.describe(k));
        }
        return Values.asString(k, key.range());
    }

    private Value forExpr(ForExpr f) {
        Value coll = eval(f.collection());
        List<Value[]> pairs = new ArrayList<>();
        if (coll instanceof Value.ListV l) {
            for (int i = 0; i < l.items().size(); i++) {
                pairs.add(new Value[] {Value.of(i), l.items().get(i)});
            }
        } else if (coll instanceof Value.SetV s) {
            s.items().forEach(v -> pairs.add(new Value[] {v, v}));
        } else if (coll instanceof Value.Obj o) {
            // HCL iterates objects and maps in lexical key order.
            new TreeMap<>(o.entries()).forEach((k, v) -> pairs.add(new Value[] {Value.of(k), v}));
        } else {
            throw error(f.collection().range(), "cannot iterate over " + Values.describe(coll)
                    + "; expected a list, set or object");
        }
        List<Value> items = new ArrayList<>();
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Value[] pair : pairs) {
            EvalContext inner = ctx.withVariable(f.valueVar(), pair[1]);
            if (f.keyVar() != null) {
                inner = inner.withVariable(f.keyVar(), pair[0]);
            }
            Evaluator ev = new Evaluator(inner, splatItem);
            if (f.condition() != null && !ev.bool(f.condition())) {
                continue;
            }
            if (!f.object()) {
                items.add(ev.eval(f.valueExpr()));
                continue;
            }
            Value kv = ev.eval(f.keyExpr());
            if (kv instanceof Value.Null) {
                throw error(f.keyExpr().range(), "key in for expression is null");
            }
            String key = Values.asString(kv, f.keyExpr().range());
            Value value = ev.eval(f.valueExpr());
            if (f.grouping()) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else if (entries.putIfAbsent(key, value) != null) {
                throw error(f.keyExpr().range(), "duplicate key " + Values.quote(key)
                        + " in for expression; add \"...\" after the value to group values by key");
            }
        }
        if (!f.object()) {
            return new Value.ListV(items);
        }
        if (f.grouping()) {
            groups.forEach((k, v) -> entries.put(k, new Value.ListV(v)));
        }
        return new Value.Obj(entries);
    }

    // ---------------------------------------------------------------- operators

    private boolean bool(Expression e) {
        Value v = eval(e);
        if (v instanceof Value.Null) {
            throw error(e.range(), "expected a bool, got null");
        }
        return Values.asBool(v, e.range());
    }

    private BigDecimal number(Expression e) {
        return Values.asNumber(eval(e), e.range());
    }

    private Value unary(UnaryExpr u) {
        if (u.op().equals("!")) {
            return Value.of(!bool(u.operand()));
        }
        return new Value.Num(number(u.operand()).negate());
    }

    private Value binary(BinaryExpr b) {
        switch (b.op()) {
            case "||":
                return Value.of(bool(b.left()) || bool(b.right()));
            case "&&":
                return Value.of(bool(b.left()) && bool(b.right()));
            case "==":
                return Value.of(Values.equal(eval(b.left()), eval(b.right())));
            case "!=":
                return Value.of(!Values.equal(eval(b.left()), eval(b.right())));
            default:
                break;
        }
        BigDecimal l = number(b.left());
        BigDecimal r = number(b.right());
        switch (b.op()) {
            case "<":
                return Value.of(l.compareTo(r) < 0);
            case ">":
                return Value.of(l.compareTo(r) > 0);
            case "<=":
                return Value.of(l.compareTo(r) <= 0);
            case ">=":
                return Value.of(l.compareTo(r) >= 0);
            case "+":
                return new Value.Num(l.add(r));
            case "-":
                return new Value.Num(l.subtract(r));
            case "*":
                return new Value.Num(l.multiply(r));
            case "/":
                if (r.signum() == 0) {
                    throw error(b.right().range(), "division by zero");
                }
                return new Value.Num(l.divide(r, MathContext.DECIMAL128).stripTrailingZeros());
            case "%":
                if (r.signum() == 0) {
                    throw error(b.right().range(), "modulo by zero");
                }
                return new Value.Num(l.remainder(r));
            default:
                throw new IllegalStateException("unknown operator " + b.op());
        }
    }

    // ---------------------------------------------------------------- functions

    private Value call(FunctionCallExpr f) {
        if (f.name().equals("try") && ctx.function("try").isEmpty()) {
            return tryCall(f);
        }
        if (f.name().equals("can") && ctx.function("can").isEmpty()) {
            if (f.args().size() != 1) {
                throw error(f.range(), "function \"can\" expects 1 argument, got " + f.args().size());
            }
            try {
                eval(f.args().get(0));
                return Value.of(true);
            } catch (DiagnosticException failed) {
                return Value.of(false);
            }
        }
        HclFunction fn = ctx.function(f.name()).orElseThrow(
                () -> error(f.range(), "call to unknown function \"" + f.name() + "\""));
        List<Value> args = new ArrayList<>(f.args().size());
        List<SourceRange> argRanges = new ArrayList<>(f.args().size());
        for (int i = 0; i < f.args().size(); i++) {
            Expression arg = f.args().get(i);
            Value v = eval(arg);
            if (f.expandFinal() && i == f.args().size() - 1) {
                if (!(v instanceof Value.ListV || v instanceof Value.SetV)) {
                    throw error(arg.range(), "expected a list before \"...\", got " + Values.describe(v));
                }
                for (Value item : Values.asList(v, arg.range())) {
                    args.add(item);
                    argRanges.add(arg.range());
                }
            } else {
                args.add(v);
                argRanges.add(arg.range());
            }
        }
        try {
            Value result = fn.call(List.copyOf(args), f.range());
            if (result == null) {
                throw error(f.range(), "call to function \"" + f.name() + "\" returned no value");
            }
            return result;
        } catch (HclFunctionException failed) {
            int idx = failed.argumentIndex();
            SourceRange at = idx >= 0 && idx < argRanges.size() ? argRanges.get(idx) : f.range();
            throw error(at, "call to function \"" + f.name() + "\" failed: " + failed.getMessage());
        } catch (Atlas4jException passThrough) {
            throw passThrough;
        } catch (RuntimeException bug) {
            throw error(f.range(), "call to function \"" + f.name() + "\" failed: " + bug);
        }
    }

    private Value tryCall(FunctionCallExpr f) {
        if (f.args().isEmpty()) {
            throw error(f.range(), "function \"try\" expects at least 1 argument");
        }
        DiagnosticException last = null;
        for (Expression arg : f.args()) {
            try {
                return eval(arg);
            } catch (DiagnosticException failed) {
                last = failed;
            }
        }
        throw error(f.range(), "no expression given to \"try\" could be evaluated; the last failed with: "
                + last.diagnostics().get(0).message());
    }
}
