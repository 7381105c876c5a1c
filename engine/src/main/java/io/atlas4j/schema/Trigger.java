package io.atlas4j.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trigger of a table or view (it is held by its owner, so it has no owner field).
 *
 * @param name the trigger name
 * @param timing when it fires
 * @param events the events, e.g. {@code INSERT}, {@code UPDATE OF "a", "b"}, {@code DELETE}
 * @param forEachRow true for FOR EACH ROW, false for FOR EACH STATEMENT
 * @param when the WHEN condition, if any
 * @param body what the trigger runs: PostgreSQL {@code EXECUTE FUNCTION "f"()}, or a body elsewhere
 * @param attrs comment, {@code REFERENCING} and other dialect extras
 */
public record Trigger(String name, Timing timing, List<String> events, boolean forEachRow, Optional<String> when,
        String body, List<Attr> attrs) {

    /** When a trigger fires relative to its event. */
    public enum Timing {
        BEFORE("BEFORE"), AFTER("AFTER"), INSTEAD_OF("INSTEAD OF");

        private final String sql;

        Timing(String sql) {
            this.sql = sql;
        }

        /** The SQL spelling. */
        public String sql() {
            return sql;
        }
    }

    public Trigger {
        Names.requireName(name, "trigger");
        Objects.requireNonNull(timing, "timing");
        events = List.copyOf(events);
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(body, "body");
        attrs = List.copyOf(attrs);
    }

    /** The attribute of {@code kind}, if present. */
    public <T extends Attr> Optional<T> attr(Class<T> kind) {
        return Attrs.find(attrs, kind);
    }
}
