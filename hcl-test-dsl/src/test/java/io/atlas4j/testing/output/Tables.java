package io.atlas4j.testing.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-built results for the tests. */
final class Tables {

    private Tables() {
    }

    /** A result with the given column labels; add rows with {@link Builder#row}. */
    static Builder columns(String... columns) {
        return new Builder(List.of(columns));
    }

    static final class Builder {
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        /** One row; {@code null} is SQL NULL. */
        Builder row(String... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        ResultTable build() {
            return new ResultTable(columns, rows);
        }
    }

    /** The two users of the checklist: (1, Ada), (2, Bob). */
    static ResultTable users() {
        return columns("id", "name").row("1", "Ada").row("2", "Bob").build();
    }
}
