package io.atlas4j.schema;

import java.util.Objects;

/** A comment on a schema, table, column, index or view ({@code COMMENT ON ...}). */
public record Comment(String text) implements Attr {
    public Comment {
        Objects.requireNonNull(text, "text");
    }
}
