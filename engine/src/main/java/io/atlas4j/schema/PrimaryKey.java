package io.atlas4j.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's primary key.
 *
 * @param name the constraint name (may be empty where the dialect does not name it)
 * @param parts the key parts, in order
 * @param attrs {@link IndexInclude} and dialect extras
 */
public record PrimaryKey(String name, List<IndexPart> parts, List<Attr> attrs) {

    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        parts = List.copyOf(parts);
        attrs = List.copyOf(attrs);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("primary key " + name + " has no parts");
        }
    }

    /** A primary key without attributes. */
    public PrimaryKey(String name, List<IndexPart> parts) {
        this(name, parts, List.of());
    }

    /** A primary key on plain columns. */
    public static PrimaryKey of(String name, String... columns) {
        return new PrimaryKey(name, Arrays.stream(columns).map(IndexPart::column).toList());
    }

    /** The column names of the parts that are columns, in order. */
    public List<String> columns() {
        return parts.stream().map(IndexPart::column).flatMap(Optional::stream).toList();
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }
}
