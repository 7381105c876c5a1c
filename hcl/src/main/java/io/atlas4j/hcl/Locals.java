package io.atlas4j.hcl;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.hcl.Expression.GetAttrExpr;
import io.atlas4j.hcl.Expression.VariableExpr;
import io.atlas4j.source.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluation of {@code locals} blocks. */
public final class Locals {

    private Locals() {
    }

    /**
     * Evaluates the attributes of all {@code locals} blocks in dependency order: locals may reference each
     * other ({@code local.x}) and anything in {@code ctx}.
     *
     * @return name to value, in source order
     * @throws DiagnosticException on a cycle, a duplicate name or an evaluation error
     */
    public static Map<String, Value> evaluate(List<Block> localsBlocks, EvalContext ctx) {
        Map<String, Attribute> declared = new LinkedHashMap<>();
        for (Block block : localsBlocks) {
            for (Attribute a : block.body().attributes()) {
                Attribute first = declared.putIfAbsent(a.name(), a);
                if (first != null) {
                    throw new DiagnosticException(new Diagnostic(a.range(), "duplicate local \"" + a.name()
                            + "\": it is already defined on line " + first.range().line()));
                }
            }
        }
        Map<String, Value> done = new LinkedHashMap<>();
        Set<String> inProgress = new LinkedHashSet<>();
        for (String name : declared.keySet()) {
            resolve(name, declared, done, inProgress, ctx);
        }
        Map<String, Value> ordered = new LinkedHashMap<>();
        declared.keySet().forEach(n -> ordered.put(n, done.get(n)));
        return ordered;
    }

    private static void resolve(String name, Map<String, Attribute> declared, Map<String, Value> done,
            Set<String> inProgress, EvalContext ctx) {
        if (done.containsKey(name)) {
            return;
        }
        Attribute attr = declared.get(name);
        if (!inProgress.add(name)) {
            List<String> chain = new ArrayList<>(inProgress);
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(name), chain.size()));
            cycle.add(name);
            throw new DiagnosticException(new Diagnostic(attr.range(), "cycle in locals: "
                    + String.join(" -> ", cycle.stream().map(n -> "local." + n).toList())));
        }
        for (String dep : references(attr.expression())) {
            if (declared.containsKey(dep)) {
                resolve(dep, declared, done, inProgress, ctx);
            }
        }
        Value value = Evaluator.evaluate(attr.expression(), ctx.withVariable("local", new Value.Obj(done)));
        inProgress.remove(name);
        done.put(name, value);
    }

    /** Names {@code x} of every {@code local.x} in the expression. */
    static Set<String> references(Expression e) {
        Set<String> out = new LinkedHashSet<>();
        Walk.each(e, sub -> {
            if (sub instanceof GetAttrExpr g && g.target() instanceof VariableExpr v && v.name().equals("local")) {
                out.add(g.name());
            }
        });
        return out;
    }
}
