package io.atlas4j.schema;

import java.util.Objects;

/** The access method of an index, lower case as the database names it ({@code btree}, {@code gin}, ...). */
public record IndexType(String name) implements Attr {
    public IndexType {
        Objects.requireNonNull(name, "name");
    }
}
