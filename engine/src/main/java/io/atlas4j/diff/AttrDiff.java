package io.atlas4j.diff;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.change.AttrChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Helpers that compare attribute lists; attributes are identified by class (see {@code Attrs}). */
public final class AttrDiff {

    private AttrDiff() {
    }

    /**
     * One {@link AttrChange} per attribute class whose value differs between {@code from} and
     * {@code to}: classes in {@code from} order first, then classes only {@code to} has. Attributes that
     * {@code ignore} accepts are left out on both sides.
     */
    public static List<AttrChange> byClass(List<? extends Attr> from, List<? extends Attr> to,
            Predicate<Attr> ignore) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Attr a : from) {
            if (!ignore.test(a)) {
                classes.add(a.getClass());
            }
        }
        for (Attr a : to) {
            if (!ignore.test(a)) {
                classes.add(a.getClass());
            }
        }
        List<AttrChange> changes = new ArrayList<>();
        for (Class<?> c : classes) {
            Optional<Attr> f = first(from, c, ignore);
            Optional<Attr> t = first(to, c, ignore);
            if (!f.equals(t)) {
                changes.add(new AttrChange(f, t));
            }
        }
        return changes;
    }

    /** The comment change between two attribute lists, if the comment was added, changed or removed. */
    public static Optional<AttrChange> comment(List<? extends Attr> from, List<? extends Attr> to) {
        List<AttrChange> changes = byClass(from, to, a -> !(a instanceof Comment));
        return changes.stream().findFirst();
    }

    /** Whether the two lists hold the same attributes, in any order, ignoring those {@code ignore} accepts. */
    public static boolean sameSet(List<? extends Attr> a, List<? extends Attr> b, Predicate<Attr> ignore) {
        return set(a, ignore).equals(set(b, ignore));
    }

    private static Set<Attr> set(List<? extends Attr> attrs, Predicate<Attr> ignore) {
        Set<Attr> out = new HashSet<>();
        for (Attr a : attrs) {
            if (!ignore.test(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static Optional<Attr> first(List<? extends Attr> attrs, Class<?> c, Predicate<Attr> ignore) {
        for (Attr a : attrs) {
            if (c.isInstance(a) && a.getClass() == c && !ignore.test(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
