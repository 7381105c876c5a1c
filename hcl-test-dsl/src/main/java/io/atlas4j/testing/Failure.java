package io.atlas4j.testing;

import io.atlas4j.source.SourceRange;

/**
 * Why a case failed.
 *
 * @param at the failing step's block (the {@code test} block for setup failures)
 * @param kind what failed
 * @param message the text printed after {@code Error:}
 * @param expected for output mismatches, the expected text (else null)
 * @param actual for output mismatches, the actual rendering (else null)
 * @param cause the underlying exception, or null
 */
public record Failure(SourceRange at, Kind kind, String message, String expected, String actual, Throwable cause) {

    /** What failed. */
    public enum Kind {
        /** Preparing the case's database. */
        SETUP,
        /** A step's SQL or program failed. */
        ERROR,
        /** A step ran but its result was not the expected one. */
        MISMATCH,
        /** A cleanup step failed. */
        CLEANUP
    }

    /** Whether expected and actual values are known (IDEs show a diff). */
    public boolean hasComparison() {
        return expected != null && actual != null;
    }
}
