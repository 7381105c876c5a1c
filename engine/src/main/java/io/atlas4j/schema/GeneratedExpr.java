package io.atlas4j.schema;

import java.util.Objects;

/**
 * A generated column: {@code GENERATED ALWAYS AS (expr) STORED|VIRTUAL}.
 *
 * @param expr the expression, as the database prints it
 * @param stored true for STORED, false for VIRTUAL
 */
public record GeneratedExpr(String expr, boolean stored) implements Attr {
    public GeneratedExpr {
        Objects.requireNonNull(expr, "expr");
    }
}
