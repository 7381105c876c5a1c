package io.atlas4j.schema;

import java.util.Objects;

/** The {@code WHERE} clause of a partial index, as the database prints it. */
public record IndexPredicate(String expr) implements Attr {
    public IndexPredicate {
        Objects.requireNonNull(expr, "expr");
    }
}
