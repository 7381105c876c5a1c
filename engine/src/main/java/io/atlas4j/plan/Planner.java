package io.atlas4j.plan;

import io.atlas4j.schema.change.SchemaChange;
import java.util.List;

/** Turns a dialect's changes into statements, in an order the database accepts. */
public interface Planner {

    /**
     * Plans {@code changes}.
     *
     * @throws PlanException when a change cannot be expressed (e.g. reordering enum values)
     */
    Plan plan(String name, List<SchemaChange> changes, PlanOptions options);
}
