package io.atlas4j.schema;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name (may be empty where the dialect does not name it)
 * @param expr the boolean expression, as the database prints it
 */
public record Check(String name, String expr) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
    }
}
