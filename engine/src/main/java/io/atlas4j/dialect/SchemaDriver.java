package io.atlas4j.dialect;

import io.atlas4j.diff.Differ;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.plan.Planner;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.url.DatabaseUrl;
import java.util.Optional;

/**
 * The schema engine roles of one dialect: inspect a database, diff two states, plan the changes.
 * Generic code (desired-state normalisation, {@code schema diff|apply}, schema tests on HCL) uses only
 * these roles.
 */
public interface SchemaDriver {

    /** Reads a database into the model. */
    Inspector inspector();

    /** Compares two states of this dialect. */
    Differ differ();

    /** Turns changes into this dialect's SQL. */
    Planner planner();

    /**
     * Parses a type as this dialect spells it ({@code varchar(255)}, {@code int[]}).
     *
     * @throws IllegalArgumentException when the spelling is not a type of this dialect
     */
    ColumnType parseType(String spelling);

    /**
     * The schema a URL is bound to (PostgreSQL {@code ?search_path=s}, MySQL's database path): present
     * for a schema-scoped connection, empty for a database (realm) connection.
     */
    Optional<String> boundSchema(DatabaseUrl url);

    /** {@code name} as an identifier in this dialect's SQL, always quoted ({@code "a""b"}). */
    String quote(String name);

    /** The canonical spelling of {@code type}: the one used for equality and in DDL. */
    String formatType(ColumnType type);
}
