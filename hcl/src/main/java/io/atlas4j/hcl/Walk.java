package io.atlas4j.hcl;

import io.atlas4j.hcl.Expression.BinaryExpr;
import io.atlas4j.hcl.Expression.ConditionalExpr;
import io.atlas4j.hcl.Expression.ForExpr;
import io.atlas4j.hcl.Expression.FunctionCallExpr;
import io.atlas4j.hcl.Expression.GetAttrExpr;
import io.atlas4j.hcl.Expression.IndexExpr;
import io.atlas4j.hcl.Expression.ObjectExpr;
import io.atlas4j.hcl.Expression.ParenExpr;
import io.atlas4j.hcl.Expression.SplatExpr;
import io.atlas4j.hcl.Expression.TemplateExpr;
import io.atlas4j.hcl.Expression.TemplateInterpolation;
import io.atlas4j.hcl.Expression.TupleExpr;
import io.atlas4j.hcl.Expression.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Generic traversal of expression trees. */
final class Walk {

    private Walk() {
    }

    /** Visits {@code e} and all its sub-expressions, parents first. */
    static void each(Expression e, Consumer<Expression> visitor) {
        visitor.accept(e);
        for (Expression child : children(e)) {
            each(child, visitor);
        }
    }

    /** The direct sub-expressions of {@code e}, in source order. */
    static List<Expression> children(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (e instanceof TemplateExpr t) {
            t.parts().forEach(p -> {
                if (p instanceof TemplateInterpolation i) {
                    out.add(i.expr());
                }
            });
        } else if (e instanceof TupleExpr t) {
            out.addAll(t.items());
        } else if (e instanceof ObjectExpr o) {
            o.items().forEach(i -> {
                out.add(i.key());
                out.add(i.value());
            });
        } else if (e instanceof GetAttrExpr g) {
            out.add(g.target());
        } else if (e instanceof IndexExpr i) {
            out.add(i.target());
            out.add(i.key());
        } else if (e instanceof SplatExpr s) {
            out.add(s.source());
            out.add(s.each());
        } else if (e instanceof FunctionCallExpr f) {
            out.addAll(f.args());
        } else if (e instanceof UnaryExpr u) {
            out.add(u.operand());
        } else if (e instanceof BinaryExpr b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof ConditionalExpr c) {
            out.add(c.condition());
            out.add(c.whenTrue());
            out.add(c.whenFalse());
        } else if (e instanceof ForExpr f) {
            out.add(f.collection());
            if (f.keyExpr() != null) {
                out.add(f.keyExpr());
            }
            out.add(f.valueExpr());
            if (f.condition() != null) {
                out.add(f.condition());
            }
        } else if (e instanceof ParenExpr p) {
            out.add(p.inner());
        }
        return out;
    }
}
