package io.atlas4j.plan;

import io.atlas4j.schema.change.SchemaChange;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a plan.
 *
 * @param sql the statement, without a trailing delimiter
 * @param comment what it does, as Atlas prints it before the statement (lower-case first letter:
 *     {@code create "users" table}); printers upper-case the first letter
 * @param reverse the statements that undo it, in order; empty when it cannot be undone
 * @param transactional false for statements that cannot run in a transaction block
 *     ({@code CREATE INDEX CONCURRENTLY})
 * @param source the change it comes from
 */
public record PlannedStatement(String sql, String comment, List<String> reverse, boolean transactional,
        SchemaChange source) {

    public PlannedStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(comment, "comment");
        reverse = List.copyOf(reverse);
    }

    /** The comment as printed: first letter upper-cased. */
    public String displayComment() {
        return comment.isEmpty() ? comment : Character.toUpperCase(comment.charAt(0)) + comment.substring(1);
    }
}
