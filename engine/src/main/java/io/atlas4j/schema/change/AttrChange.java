package io.atlas4j.schema.change;

import io.atlas4j.schema.Attr;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema or table attribute that was added, dropped or changed (comment, charset, row security, ...).
 *
 * @param from the current attribute, empty when added
 * @param to the desired attribute, empty when dropped
 */
public record AttrChange(Optional<Attr> from, Optional<Attr> to) {
    public AttrChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException("an attribute change needs a side");
        }
    }

    /** The attribute's class (the side that exists). */
    public Class<? extends Attr> kind() {
        return (to.isPresent() ? to.get() : from.get()).getClass();
    }
}
