package io.atlas4j.dev;

import io.atlas4j.sql.SqlScript;
import java.util.List;

/**
 * A desired state to build on a dev database: SQL scripts run in order.
 *
 * <p>Later states (HCL schemas, migration directories up to a version) reduce to scripts too, once
 * planned; so this stays the one thing a dev database has to know how to build.
 *
 * @param scripts the scripts, run in order; empty for the empty state
 */
public record SchemaState(List<SqlScript> scripts) {

    /** The empty state: what a migrate test starts from. */
    public static final SchemaState EMPTY = new SchemaState(List.of());

    public SchemaState {
        scripts = List.copyOf(scripts);
    }
}
