package io.atlas4j.testing.output;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a value's text counts as true for {@code assert}: PostgreSQL prints booleans as {@code t} /
 * {@code f}, SQLite and MySQL as {@code 1} / {@code 0}.
 */
public final class Truth {

    private static final Set<String> TRUE = Set.of("t", "true", "1");
    private static final Set<String> FALSE = Set.of("f", "false", "0");

    /** How a value reads as a boolean. */
    public enum Outcome {
        /** {@code t}, {@code true} or {@code 1}, in any case. */
        TRUE,
        /** {@code f}, {@code false} or {@code 0}, in any case. */
        FALSE,
        /** NULL or any other text: not a boolean, so an {@code assert} fails naming the value. */
        OTHER
    }

    private Truth() {
    }

    /** Classifies a value's text; {@code null} (SQL NULL) is {@link Outcome#OTHER}. */
    public static Outcome of(String value) {
        if (value == null) {
            return Outcome.OTHER;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Outcome.TRUE;
        }
        return FALSE.contains(v) ? Outcome.FALSE : Outcome.OTHER;
    }
}
