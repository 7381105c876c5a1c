package io.atlas4j.schema;

import java.util.Objects;

/**
 * Marks an index that the database created for a table constraint ({@code UNIQUE}, {@code EXCLUDE}),
 * so that it is planned as a constraint and not as {@code CREATE INDEX}.
 */
public record IndexConstraint(Kind kind) implements Attr {

    /** The constraint kind backed by the index. */
    public enum Kind { UNIQUE, EXCLUDE }

    public IndexConstraint {
        Objects.requireNonNull(kind, "kind");
    }
}
