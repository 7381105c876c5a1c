package io.atlas4j.hcl;

import io.atlas4j.hcl.Expression.ForExpr;
import io.atlas4j.hcl.Expression.GetAttrExpr;
import io.atlas4j.hcl.Expression.ObjectExpr;
import io.atlas4j.hcl.Expression.ObjectItem;
import io.atlas4j.hcl.Expression.VariableExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Structural questions about unevaluated expressions, for binders that read keywords and references. */
public final class Expressions {

    private Expressions() {
    }

    /** A bare identifier ({@code format = table}) as a keyword: {@code Optional.of("table")}; empty otherwise. */
    public static Optional<String> keyword(Expression e) {
        return e instanceof VariableExpr v ? Optional.of(v.name()) : Optional.empty();
    }

    /**
     * A traversal such as {@code schema.public} or {@code table.users.column.id} as its names; empty if
     * the expression is anything but a root name followed by attribute accesses.
     */
    public static Optional<List<String>> traversal(Expression e) {
        List<String> reversed = new ArrayList<>();
        Expression cur = e;
        while (cur instanceof GetAttrExpr g) {
            reversed.add(g.name());
            cur = g.target();
        }
        if (!(cur instanceof VariableExpr root)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(reversed.size() + 1);
        names.add(root.name());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            names.add(reversed.get(i));
        }
        return Optional.of(List.copyOf(names));
    }

    /**
     * Every variable reference in {@code e}, as the longest static traversal from its root: {@code var.url},
     * {@code data.sql.tenants.values}, {@code each.value}. Bare object keys ({@code {input = 1}}) and the
     * variables a {@code for} expression declares are not references. Useful to evaluate only what is used
     * (data sources) or to check that {@code each} appears only under {@code for_each}.
     */
    public static List<List<String>> references(Expression e) {
        List<List<String>> out = new ArrayList<>();
        collect(e, Set.of(), out);
        return out;
    }

    private static void collect(Expression e, Set<String> bound, List<List<String>> out) {
        Optional<List<String>> t = traversal(e);
        if (t.isPresent()) {
            if (!bound.contains(t.get().get(0))) {
                out.add(t.get());
            }
            return;
        }
        if (e instanceof ObjectExpr o) {
            for (ObjectItem item : o.items()) {
                if (!(item.key() instanceof VariableExpr)) {
                    collect(item.key(), bound, out);
                }
                collect(item.value(), bound, out);
            }
            return;
        }
        if (e instanceof ForExpr f) {
            collect(f.collection(), bound, out);
            Set<String> inner = new HashSet<>(bound);
            inner.add(f.valueVar());
            if (f.keyVar() != null) {
                inner.add(f.keyVar());
            }
            for (Expression part : new Expression[] {f.keyExpr(), f.valueExpr(), f.condition()}) {
                if (part != null) {
                    collect(part, inner, out);
                }
            }
            return;
        }
        for (Expression child : Walk.children(e)) {
            collect(child, bound, out);
        }
    }
}
