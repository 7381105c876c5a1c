package io.atlas4j.schema;

import java.util.List;
import java.util.Optional;

/**
 * A (non primary key) index.
 *
 * @param name the index name
 * @param unique whether the index is unique
 * @param parts the key parts, in order
 * @param attrs comment, {@link IndexType}, {@link IndexPredicate}, {@link IndexInclude},
 *     {@link IndexConstraint} and dialect extras
 */
public record Index(String name, boolean unique, List<IndexPart> parts, List<Attr> attrs) {

    public Index {
        Names.requireName(name, "index");
        parts = List.copyOf(parts);
        attrs = List.copyOf(attrs);
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    /** The column names of the parts that are columns, in order. */
    public List<String> columns() {
        return parts.stream().map(IndexPart::column).flatMap(Optional::stream).toList();
    }

    /** The partial-index predicate, if any. */
    public Optional<String> predicate() {
        return attr(IndexPredicate.class).map(IndexPredicate::expr);
    }

}
