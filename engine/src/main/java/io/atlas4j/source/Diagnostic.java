package io.atlas4j.source;

import java.util.Objects;

/**
 * One problem found in an input file.
 *
 * @param range where; never null
 * @param message what is wrong, and where useful what to do (no position prefix)
 */
public record Diagnostic(SourceRange range, String message) {

    public Diagnostic {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path:line:col: message}. */
    @Override
    public String toString() {
        return range + ": " + message;
    }
}
