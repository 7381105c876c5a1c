package io.atlas4j.schema;

import java.util.Objects;

/** The collation of a column, table or schema, as the database names it. */
public record Collation(String name) implements Attr {
    public Collation {
        Objects.requireNonNull(name, "name");
    }
}
