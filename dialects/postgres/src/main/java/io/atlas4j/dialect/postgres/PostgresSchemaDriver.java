package io.atlas4j.dialect.postgres;

import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.dialect.postgres.diff.PostgresDiffer;
import io.atlas4j.dialect.postgres.plan.PostgresPlanner;
import io.atlas4j.diff.Differ;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.plan.Planner;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.url.DatabaseUrl;
import java.util.Optional;

/** PostgreSQL's schema engine: its inspector, differ and planner, and its type spelling. */
final class PostgresSchemaDriver implements SchemaDriver {

    private final Differ differ = PostgresDiffer.create();
    private final Planner planner = new PostgresPlanner();

    @Override
    public Inspector inspector() {
        // One per call: the inspector counts its queries, and callers measure one inspection at a time.
        return new PostgresInspector();
    }

    @Override
    public Differ differ() {
        return differ;
    }

    @Override
    public Planner planner() {
        return planner;
    }

    @Override
    public ColumnType parseType(String spelling) {
        return PostgresTypes.parse(spelling);
    }

    @Override
    public String formatType(ColumnType type) {
        return PostgresTypes.format(type);
    }

    @Override
    public String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Atlas binds a PostgreSQL URL to a schema with {@code search_path}; its first entry is the schema. */
    @Override
    public Optional<String> boundSchema(DatabaseUrl url) {
        return url.param("search_path").map(p -> p.split(",")[0].trim()).filter(s -> !s.isEmpty());
    }
}
