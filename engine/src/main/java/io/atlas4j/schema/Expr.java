package io.atlas4j.schema;

import java.util.Objects;

/** A column default: a constant as written in SQL, or a raw SQL expression. */
public sealed interface Expr {

    /** The SQL text of this expression. */
    String sql();

    /** A constant as it is written in SQL, keeping its quotes: {@code 'abc'}, {@code 1}, {@code true}. */
    record Literal(String value) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String sql() {
            return value;
        }
    }

    /** An arbitrary SQL expression inlined verbatim, e.g. {@code now()} (HCL {@code sql("now()")}). */
    record RawExpr(String expr) implements Expr {
        public RawExpr {
            Objects.requireNonNull(expr, "expr");
        }

        @Override
        public String sql() {
            return expr;
        }
    }
}
