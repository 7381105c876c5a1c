package io.atlas4j.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * How to plan.
 *
 * @param qualifier empty: qualify each object with its own schema (realm scope); {@code ""}: never
 *     qualify (schema scope); {@code "x"}: qualify everything with {@code x}
 * @param indent the indentation of CREATE TABLE bodies: {@code ""} puts a statement on one line
 * @param mode the plan mode
 */
public record PlanOptions(Optional<String> qualifier, String indent, PlanMode mode) {

    /** Realm scope, one line per statement, in place. */
    public static final PlanOptions REALM = new PlanOptions(Optional.empty(), "", PlanMode.IN_PLACE);
    /** Schema scope (no qualifier), one line per statement, in place. */
    public static final PlanOptions SCHEMA = new PlanOptions(Optional.of(""), "", PlanMode.IN_PLACE);

    public PlanOptions {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(indent, "indent");
        Objects.requireNonNull(mode, "mode");
    }

    /** These options with {@code indent}. */
    public PlanOptions indented(String indent) {
        return new PlanOptions(qualifier, indent, mode);
    }

    /** These options with {@code mode}. */
    public PlanOptions mode(PlanMode mode) {
        return new PlanOptions(qualifier, indent, mode);
    }
}
