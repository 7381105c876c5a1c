package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.change.SchemaChange;
import java.util.ArrayList;
import java.util.List;

/** The statements planned so far, in order. */
final class Statements {

    private final List<PlannedStatement> list = new ArrayList<>();

    /** Adds a transactional statement. */
    void add(String sql, String comment, List<String> reverse, SchemaChange source) {
        list.add(new PlannedStatement(sql, comment, reverse, true, source));
    }

    /** Adds a statement, non-transactional when {@code transactional} is false ({@code CONCURRENTLY}). */
    void add(String sql, String comment, List<String> reverse, boolean transactional, SchemaChange source) {
        list.add(new PlannedStatement(sql, comment, reverse, transactional, source));
    }

    List<PlannedStatement> list() {
        return list;
    }

    /** {@code "name"} as comments quote names (Go's %q). */
    static String q(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
