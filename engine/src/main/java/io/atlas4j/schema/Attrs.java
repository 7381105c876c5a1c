package io.atlas4j.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers over attribute lists: an attribute kind is identified by its class. */
public final class Attrs {

    private Attrs() {
    }

    /** The first attribute of {@code type} in {@code attrs}. */
    public static <T extends Attr> Optional<T> find(List<? extends Attr> attrs, Class<T> type) {
        for (Attr a : attrs) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    /** A copy of {@code attrs} where {@code attr} replaces any attribute of its class, or is appended. */
    public static List<Attr> replaceOrAppend(List<? extends Attr> attrs, Attr attr) {
        List<Attr> out = new ArrayList<>(attrs.size() + 1);
        boolean replaced = false;
        for (Attr a : attrs) {
            if (a.getClass() == attr.getClass()) {
                if (!replaced) {
                    out.add(attr);
                    replaced = true;
                }
            } else {
                out.add(a);
            }
        }
        if (!replaced) {
            out.add(attr);
        }
        return List.copyOf(out);
    }

    /** The comment text among {@code attrs}, if any. */
    static Optional<String> comment(List<? extends Attr> attrs) {
        return find(attrs, Comment.class).map(Comment::text);
    }
}
