package io.atlas4j.hcl;

import io.atlas4j.source.SourceRange;
import java.util.List;

/**
 * An unevaluated HCL expression, with the source range of the whole expression. Evaluate it with
 * {@link Evaluator#evaluate(Expression, EvalContext)}; inspect it structurally with {@link Expressions}.
 */
public sealed interface Expression {

    /** Where the expression is written. */
    SourceRange range();

    /** A literal: number, bool, null, or a quoted string without interpolation. */
    record LiteralExpr(Value value, SourceRange range) implements Expression {
    }

    /**
     * A quoted string or heredoc with interpolations. Escapes ({@code \n}, {@code $${}, {@code %%{})
     * are already resolved in the literal parts.
     *
     * @param heredoc whether it was written as a heredoc
     */
    record TemplateExpr(List<TemplatePart> parts, boolean heredoc, SourceRange range) implements Expression {
        public TemplateExpr {
            parts = List.copyOf(parts);
        }
    }

    /** A piece of a template. */
    sealed interface TemplatePart {
    }

    /** Literal text of a template. */
    record TemplateLiteral(String text) implements TemplatePart {
    }

    /** A {@code ${expr}} of a template. */
    record TemplateInterpolation(Expression expr) implements TemplatePart {
    }

    /** {@code [a, b, c]}. */
    record TupleExpr(List<Expression> items, SourceRange range) implements Expression {
        public TupleExpr {
            items = List.copyOf(items);
        }
    }

    /** {@code {k = v, k2: v2}}. */
    record ObjectExpr(List<ObjectItem> items, SourceRange range) implements Expression {
        public ObjectExpr {
            items = List.copyOf(items);
        }
    }

    /**
     * One entry of an object literal. A bare-word key is a {@link VariableExpr} (taken as its name);
     * a key in parentheses is a {@link ParenExpr} (evaluated).
     */
    record ObjectItem(Expression key, Expression value) {
    }

    /** A root identifier: {@code var}, {@code each}, or a bare keyword such as {@code table}. */
    record VariableExpr(String name, SourceRange range) implements Expression {
    }

    /** {@code target.name}. */
    record GetAttrExpr(Expression target, String name, SourceRange range) implements Expression {
    }

    /** {@code target[key]}, also the legacy {@code target.0}. */
    record IndexExpr(Expression target, Expression key, SourceRange range) implements Expression {
    }

    /**
     * {@code source[*].a.b} or {@code source.*.a}: {@code each} is applied to every element of
     * {@code source}, with {@link SplatItemExpr} standing for the element.
     */
    record SplatExpr(Expression source, Expression each, SourceRange range) implements Expression {
    }

    /** The current element inside {@link SplatExpr#each()}. */
    record SplatItemExpr(SourceRange range) implements Expression {
    }

    /**
     * {@code name(args...)}.
     *
     * @param expandFinal whether the last argument was followed by {@code ...}
     */
    record FunctionCallExpr(String name, List<Expression> args, boolean expandFinal, SourceRange range)
            implements Expression {
        public FunctionCallExpr {
            args = List.copyOf(args);
        }
    }

    /** {@code !x} or {@code -x}. */
    record UnaryExpr(String op, Expression operand, SourceRange range) implements Expression {
    }

    /** {@code a op b} for {@code || && == != < > <= >= + - * / %}. */
    record BinaryExpr(String op, Expression left, Expression right, SourceRange range) implements Expression {
    }

    /** {@code c ? a : b}. */
    record ConditionalExpr(Expression condition, Expression whenTrue, Expression whenFalse, SourceRange range)
            implements Expression {
    }

    /**
     * {@code [for k, v in coll : expr if cond]} or {@code {for k, v in coll : key => value... if cond}}.
     *
     * @param keyVar the key/index variable, or null when only one variable is declared
     * @param valueVar the value variable
     * @param keyExpr the key expression of an object {@code for}, else null
     * @param condition the {@code if} filter, or null
     * @param grouping whether the object {@code for} ends with {@code ...}
     * @param object whether it builds an object ({@code {}}) rather than a tuple ({@code []})
     */
    record ForExpr(String keyVar, String valueVar, Expression collection, Expression keyExpr, Expression valueExpr,
            Expression condition, boolean grouping, boolean object, SourceRange range) implements Expression {
    }

    /** {@code (inner)}. */
    record ParenExpr(Expression inner, SourceRange range) implements Expression {
    }
}
