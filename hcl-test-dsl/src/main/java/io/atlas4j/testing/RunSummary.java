package io.atlas4j.testing;

/** Counts of a whole run. */
public record RunSummary(int passed, int failed, int skipped) {

    /** Whether nothing failed. */
    public boolean ok() {
        return failed == 0;
    }
}
