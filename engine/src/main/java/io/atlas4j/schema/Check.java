package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check constraint.
 *
 * @param name the constraint name (may be empty where the dialect does not name it)
 * @param expr the boolean expression, as the database prints it
 * @param attrs dialect extras (PostgreSQL {@code NO INHERIT}, MySQL {@code ENFORCED})
 */
public record Check(String name, String expr, List<Attr> attrs) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
        attrs = List.copyOf(attrs);
    }

    /** A check without attributes. */
    public Check(String name, String expr) {
        this(name, expr, List.of());
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }
}
