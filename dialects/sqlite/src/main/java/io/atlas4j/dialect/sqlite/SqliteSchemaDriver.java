package io.atlas4j.dialect.sqlite;

import io.atlas4j.dialect.SchemaDriver;
import io.atlas4j.dialect.sqlite.diff.SqliteDiffer;
import io.atlas4j.dialect.sqlite.inspect.SqliteInspector;
import io.atlas4j.dialect.sqlite.plan.SqlitePlanner;
import io.atlas4j.diff.Differ;
import io.atlas4j.inspect.Inspector;
import io.atlas4j.plan.Planner;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.url.DatabaseUrl;
import java.util.Optional;

/** SQLite's schema engine: its inspector, differ and planner, and its type spelling. */
final class SqliteSchemaDriver implements SchemaDriver {

    // The migrate lock table is Atlas4J's own (Atlas locks with a file): never part of a schema.
    private final Inspector inspector = new SqliteInspector(java.util.Set.of(SqliteRevisions.LOCK_TABLE));
    private final Differ differ = new SqliteDiffer();
    private final Planner planner = new SqlitePlanner();

    @Override
    public Inspector inspector() {
        return inspector;
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
        return SqliteTypes.parse(spelling);
    }

    @Override
    public String formatType(ColumnType type) {
        return SqliteTypes.format(type);
    }

    @Override
    public String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A SQLite connection is always bound to its one schema, {@code main} (spec §0). */
    @Override
    public Optional<String> boundSchema(DatabaseUrl url) {
        return Optional.of(SqliteInspector.MAIN);
    }
}
