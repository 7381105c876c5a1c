package io.atlas4j.hcl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Expression.FunctionCallExpr;
import io.atlas4j.hcl.Expression.LiteralExpr;
import io.atlas4j.hcl.Expression.ObjectExpr;
import io.atlas4j.hcl.Expression.ObjectItem;
import io.atlas4j.hcl.Expression.TupleExpr;
import io.atlas4j.hcl.Expression.VariableExpr;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A type constraint as written in {@code variable} blocks: {@code string}, {@code number}, {@code bool},
 * {@code any}, {@code list(T)}, {@code set(T)}, {@code map(T)}, {@code object({a = string})} (attributes may be
 * {@code optional(T)}), {@code tuple([T, ...])}. Converts values with HCL's rules.
 */
public final class HclType {

    private enum Kind { STRING, NUMBER, BOOL, ANY, LIST, SET, MAP, OBJECT, TUPLE }

    public static final HclType STRING = new HclType(Kind.STRING, null, Map.of(), Set.of(), List.of());
    public static final HclType NUMBER = new HclType(Kind.NUMBER, null, Map.of(), Set.of(), List.of());
    public static final HclType BOOL = new HclType(Kind.BOOL, null, Map.of(), Set.of(), List.of());
    public static final HclType ANY = new HclType(Kind.ANY, null, Map.of(), Set.of(), List.of());

    private final Kind kind;
    private final HclType element;
    private final Map<String, HclType> attributes;
    private final Set<String> optional;
    private final List<HclType> elements;

    private HclType(Kind kind, HclType element, Map<String, HclType> attributes, Set<String> optional,
            List<HclType> elements) {
        this.kind = kind;
        this.element = element;
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        this.optional = Set.copyOf(optional);
        this.elements = List.copyOf(elements);
    }

    public static HclType list(HclType element) {
        return new HclType(Kind.LIST, element, Map.of(), Set.of(), List.of());
    }

    public static HclType set(HclType element) {
        return new HclType(Kind.SET, element, Map.of(), Set.of(), List.of());
    }

    public static HclType map(HclType element) {
        return new HclType(Kind.MAP, element, Map.of(), Set.of(), List.of());
    }

    private static final String KNOWN = "string, number, bool, any, list(T), set(T), map(T), object({...}) or tuple([...])";

    /**
     * Parses a type expression.
     *
     * @throws DiagnosticException for an unknown or malformed type, at the offending part
     */
    public static HclType parse(Expression typeExpr) {
        if (typeExpr instanceof VariableExpr v) {
            return primitive(v.name(), v.range());
        }
        if (typeExpr instanceof LiteralExpr l && l.value() instanceof Value.Str s) {
            // Quoted type names are Terraform 0.11 syntax, still found in old files.
            switch (s.value()) {
                case "list":
                    return list(ANY);
                case "map":
                    return map(ANY);
                default:
                    return primitive(s.value(), l.range());
            }
        }
        if (typeExpr instanceof FunctionCallExpr f) {
            switch (f.name()) {
                case "list":
                case "set":
                case "map": {
                    HclType el = parse(single(f));
                    return f.name().equals("list") ? list(el) : f.name().equals("set") ? set(el) : map(el);
                }
                case "object": {
                    if (!(single(f) instanceof ObjectExpr o)) {
                        throw error(f.range(), "object type needs attribute types: object({name = type, ...})");
                    }
                    Map<String, HclType> attrs = new LinkedHashMap<>();
                    Set<String> opt = new TreeSet<>();
                    for (ObjectItem item : o.items()) {
                        String name = attributeName(item.key());
                        Expression t = item.value();
                        if (t instanceof FunctionCallExpr c && c.name().equals("optional")) {
                            if (c.args().isEmpty() || c.args().size() > 2) {
                                throw error(c.range(), "optional() takes a type and an optional default");
                            }
                            opt.add(name);
                            t = c.args().get(0);
                        }
                        attrs.put(name, parse(t));
                    }
                    return new HclType(Kind.OBJECT, null, attrs, opt, List.of());
                }
                case "tuple": {
                    if (!(single(f) instanceof TupleExpr t)) {
                        throw error(f.range(), "tuple type needs element types: tuple([type, ...])");
                    }
                    List<HclType> els = new ArrayList<>();
                    t.items().forEach(i -> els.add(parse(i)));
                    return new HclType(Kind.TUPLE, null, Map.of(), Set.of(), els);
                }
                default:
                    throw error(f.range(), "unknown type constructor \"" + f.name() + "\"; expected " + KNOWN);
            }
        }
        throw error(typeExpr.range(), "invalid type expression; expected " + KNOWN);
    }

    private static Expression single(FunctionCallExpr f) {
        if (f.args().size() != 1) {
            throw error(f.range(), "type constructor \"" + f.name() + "\" takes exactly one argument");
        }
        return f.args().get(0);
    }

    private static String attributeName(Expression key) {
        if (key instanceof VariableExpr v) {
            return v.name();
        }
        if (key instanceof LiteralExpr l && l.value() instanceof Value.Str s) {
            return s.value();
        }
        throw error(key.range(), "object type attribute names must be identifiers");
    }

    private static HclType primitive(String name, SourceRange at) {
        switch (name) {
            case "string":
                return STRING;
            case "number":
                return NUMBER;
            case "bool":
                return BOOL;
            case "any":
                return ANY;
            case "list":
            case "set":
            case "map":
                throw error(at, "type \"" + name + "\" needs an element type, e.g. " + name + "(string)");
            default:
                throw error(at, "unknown type \"" + name + "\"; expected " + KNOWN);
        }
    }

    private static DiagnosticException error(SourceRange at, String message) {
        return new DiagnosticException(new Diagnostic(at, message));
    }

    /** Thrown inside conversion; carries the reason, so nested failures say which element failed. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Converts {@code v} to this type with HCL's rules ({@code "false"} to bool, {@code "12"} to number, numbers
     * and bools to string, lists to sets...). Null converts to null.
     *
     * @throws DiagnosticException at {@code at}, naming the expected type
     */
    public Value convert(Value v, SourceRange at) {
        try {
            return convert(v);
        } catch (Mismatch m) {
            throw error(at, m.getMessage());
        }
    }

    private Value convert(Value v) {
        if (kind == Kind.ANY || v instanceof Value.Null) {
            return v;
        }
        switch (kind) {
            case STRING:
                if (v instanceof Value.Str) {
                    return v;
                }
                if (v instanceof Value.Num || v instanceof Value.Bool) {
                    return Value.of(Values.asString(v, null));
                }
                throw mismatch(v);
            case NUMBER:
                if (v instanceof Value.Num) {
                    return v;
                }
                if (v instanceof Value.Str s && Values.parseNumber(s.value()).isPresent()) {
                    return new Value.Num(Values.parseNumber(s.value()).get());
                }
                throw mismatch(v);
            case BOOL:
                if (v instanceof Value.Bool) {
                    return v;
                }
                if (v instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
                    return Value.of(s.value().equals("true"));
                }
                throw mismatch(v);
            case LIST:
            case SET: {
                List<Value> items = items(v);
                List<Value> out = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    out.add(nested(element, items.get(i), v, "element " + i));
                }
                return kind == Kind.LIST ? new Value.ListV(out) : toSet(out);
            }
            case TUPLE: {
                List<Value> items = items(v);
                if (items.size() != elements.size()) {
                    throw new Mismatch("cannot convert " + Values.describe(v) + " to " + this + ": expected "
                            + elements.size() + " elements, got " + items.size());
                }
                List<Value> out = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    out.add(nested(elements.get(i), items.get(i), v, "element " + i));
                }
                return new Value.ListV(out);
            }
            case MAP: {
                if (!(v instanceof Value.Obj o)) {
                    throw mismatch(v);
                }
                Map<String, Value> out = new LinkedHashMap<>();
                o.entries().forEach((k, x) -> out.put(k, nested(element, x, v, "key " + Values.quote(k))));
                return new Value.Obj(out);
            }
            case OBJECT: {
                if (!(v instanceof Value.Obj o)) {
                    throw mismatch(v);
                }
                Map<String, Value> out = new LinkedHashMap<>();
                for (Map.Entry<String, HclType> a : attributes.entrySet()) {
                    Value x = o.entries().get(a.getKey());
                    if (x == null) {
                        if (!optional.contains(a.getKey())) {
                            throw new Mismatch("cannot convert " + Values.describe(v) + " to " + this
                                    + ": attribute \"" + a.getKey() + "\" is required");
                        }
                        x = Value.NULL;
                    }
                    out.put(a.getKey(), nested(a.getValue(), x, v, "attribute \"" + a.getKey() + "\""));
                }
                return new Value.Obj(out);
            }
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private Value nested(HclType type, Value item, Value whole, String where) {
        try {
            return type.convert(item);
        } catch (Mismatch m) {
            throw new Mismatch("cannot convert " + Values.describe(whole) + " to " + this + ": " + where + ": "
                    + m.getMessage());
        }
    }

    private List<Value> items(Value v) {
        if (v instanceof Value.ListV l) {
            return l.items();
        }
        if (v instanceof Value.SetV s) {
            return s.items();
        }
        throw mismatch(v);
    }

    private Mismatch mismatch(Value v) {
        return new Mismatch("cannot convert " + Values.describe(v) + " to " + this);
    }

    /**
     * A set of {@code items} as HCL orders it: distinct; strings sorted lexically, numbers numerically, bools
     * false first; mixed primitives are unified to strings. Other values keep first-seen order.
     */
    static Value toSet(List<Value> items) {
        boolean allNum = items.stream().allMatch(v -> v instanceof Value.Num);
        boolean allBool = items.stream().allMatch(v -> v instanceof Value.Bool);
        boolean primitive = items.stream()
                .allMatch(v -> v instanceof Value.Str || v instanceof Value.Num || v instanceof Value.Bool);
        List<Value> out = new ArrayList<>();
        if (allNum) {
            items.stream().map(v -> ((Value.Num) v).value()).sorted().forEach(n -> {
                if (out.isEmpty() || ((Value.Num) out.get(out.size() - 1)).value().compareTo(n) != 0) {
                    out.add(new Value.Num(n));
                }
            });
        } else if (allBool) {
            items.stream().map(v -> ((Value.Bool) v).value()).distinct().sorted().forEach(b -> out.add(Value.of(b)));
        } else if (primitive) {
            new TreeSet<>(items.stream().map(v -> Values.asString(v, null)).collect(Collectors.toList()))
                    .forEach(s -> out.add(Value.of(s)));
        } else {
            for (Value v : items) {
                if (out.stream().noneMatch(x -> Values.equal(x, v))) {
                    out.add(v);
                }
            }
        }
        return new Value.SetV(out);
    }

    @Override
    public String toString() {
        switch (kind) {
            case STRING:
                return "string";
            case NUMBER:
                return "number";
            case BOOL:
                return "bool";
            case ANY:
                return "any";
            case LIST:
                return "list(" + element + ")";
            case SET:
                return "set(" + element + ")";
            case MAP:
                return "map(" + element + ")";
            case TUPLE:
                return elements.stream().map(HclType::toString).collect(Collectors.joining(", ", "tuple([", "])"));
            default:
                return attributes.entrySet().stream()
                        .map(e -> e.getKey() + "=" + (optional.contains(e.getKey())
                                ? "optional(" + e.getValue() + ")" : e.getValue().toString()))
                        .collect(Collectors.joining(", ", "object({", "})"));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HclType t && kind == t.kind && Objects.equals(element, t.element)
                && attributes.equals(t.attributes) && optional.equals(t.optional) && elements.equals(t.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, element, attributes, optional, elements);
    }
}
