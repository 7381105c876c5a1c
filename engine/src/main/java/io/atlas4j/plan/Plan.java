package io.atlas4j.plan;

import java.util.List;
import java.util.Objects;

/**
 * Ordered statements that apply a list of changes.
 *
 * @param name the plan name (the migration file name for {@code migrate diff})
 * @param transactional whether the statements may run in one transaction
 * @param statements the statements, in order
 * @param directives file-level directives for migration files, e.g. {@code atlas:txmode none}
 */
public record Plan(String name, boolean transactional, List<PlannedStatement> statements, List<String> directives) {

    public Plan {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
        directives = List.copyOf(directives);
    }

    /** Whether every statement can be reversed. */
    public boolean reversible() {
        return statements.stream().allMatch(s -> !s.reverse().isEmpty());
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
