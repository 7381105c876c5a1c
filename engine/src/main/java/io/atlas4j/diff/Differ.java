package io.atlas4j.diff;

import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.change.SchemaChange;
import java.util.List;

/**
 * Computes the changes that turn {@code from} (the current state) into {@code to} (the desired state).
 * Both sides are expected in normal form (inspected from a database), so comparison needs no guessing.
 */
public interface Differ {

    /** The changes between two realms: schemas added or dropped, and each common schema's changes. */
    List<SchemaChange> diffRealm(Realm from, Realm to, DiffOptions options);

    /**
     * The changes between two schemas, compared as if they had the same name (schema-scoped
     * connections); changes carry {@code to}'s name.
     */
    List<SchemaChange> diffSchema(Schema from, Schema to, DiffOptions options);
}
