package io.atlas4j.inspect;

import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import java.sql.Connection;

/**
 * Reads a database's schemas into the model. Implementations answer with a fixed number of catalog
 * queries whatever the number of tables. Failures are {@link io.atlas4j.error.Atlas4jException}s; a
 * missing schema is a {@link SchemaNotFoundException}.
 */
public interface Inspector {

    /** Every user schema of the connection's database that {@code options} selects. */
    Realm inspectRealm(Connection connection, InspectOptions options);

    /**
     * One schema; {@code name} empty means the connection's current schema.
     *
     * @throws SchemaNotFoundException when the schema does not exist
     */
    Schema inspectSchema(Connection connection, String name, InspectOptions options);
}
