package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view (or, with {@link Materialized}, a materialized view).
 *
 * @param name the view name
 * @param definition the query, as the database prints it, without a trailing semicolon
 * @param attrs comment and dialect extras
 */
public record View(String name, String definition, List<Attr> attrs) {

    public View {
        Names.requireName(name, "view");
        Objects.requireNonNull(definition, "definition");
        attrs = List.copyOf(attrs);
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    /** Whether this is a materialized view. */
    public boolean materialized() {
        return attr(Materialized.class).isPresent();
    }
}
