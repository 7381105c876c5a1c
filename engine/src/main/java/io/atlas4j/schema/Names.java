package io.atlas4j.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Name checks and look-ups shared by the records: identity in the model is by name. */
final class Names {

    private Names() {
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what + " name");
        return name;
    }

    /** An immutable copy of {@code items}, rejecting two items with the same name. */
    static <T> List<T> uniqueCopy(List<T> items, Function<T, String> name, String what, String owner) {
        List<T> copy = List.copyOf(items);
        Set<String> seen = new HashSet<>();
        for (T item : copy) {
            String n = name.apply(item);
            if (!n.isEmpty() && !seen.add(n)) {
                throw new IllegalArgumentException("duplicate " + what + " \"" + n + "\" in " + owner);
            }
        }
        return copy;
    }

    static <T> Optional<T> find(List<T> items, Function<T, String> name, String wanted) {
        for (T item : items) {
            if (name.apply(item).equals(wanted)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
