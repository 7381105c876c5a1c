package io.atlas4j.schema;

import java.util.Objects;

/**
 * An identity column ({@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}) and its sequence options.
 *
 * @param generation when the database generates the value
 * @param start the first value
 * @param increment the step between values
 */
public record Identity(Generation generation, long start, long increment) implements Attr {

    /** Whether an explicit value may override the generated one. */
    public enum Generation {
        ALWAYS("ALWAYS"), BY_DEFAULT("BY DEFAULT");

        private final String sql;

        Generation(String sql) {
            this.sql = sql;
        }

        /** The SQL spelling, e.g. {@code BY DEFAULT}. */
        public String sql() {
            return sql;
        }
    }

    public Identity {
        Objects.requireNonNull(generation, "generation");
    }
}
