package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view (or, with {@link Materialized}, a materialized view).
 *
 * @param name the view name
 * @param definition the query, as the database prints it, without a trailing semicolon
 * @param columns the output columns as the database reports them (types, comments)
 * @param indexes the indexes of a materialized view
 * @param attrs comment, {@link Materialized}, check option and dialect extras
 * @param triggers the triggers on this view
 */
public record View(String name, String definition, List<Column> columns, List<Index> indexes, List<Attr> attrs,
        List<Trigger> triggers) {

    public View {
        Names.requireName(name, "view");
        Objects.requireNonNull(definition, "definition");
        columns = Names.uniqueCopy(columns, Column::name, "column", "view " + name);
        indexes = Names.uniqueCopy(indexes, Index::name, "index", "view " + name);
        attrs = List.copyOf(attrs);
        triggers = Names.uniqueCopy(triggers, Trigger::name, "trigger", "view " + name);
    }

    /** A view known only by its definition. */
    public View(String name, String definition, List<Attr> attrs) {
        this(name, definition, List.of(), List.of(), attrs, List.of());
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }

    /** Whether this is a materialized view. */
    public boolean materialized() {
        return attr(Materialized.class).isPresent();
    }

    /** The view comment, if any. */
    public Optional<String> comment() {
        return Attrs.comment(attrs);
    }
}
