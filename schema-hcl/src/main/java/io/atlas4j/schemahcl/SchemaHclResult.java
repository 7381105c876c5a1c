package io.atlas4j.schemahcl;

import io.atlas4j.schema.Realm;
import io.atlas4j.source.SourceRange;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema document read into the model, with where each object was declared.
 *
 * @param realm the schemas and objects
 * @param positions the block of each object, keyed by a dotted path of real names: {@code schema},
 *     {@code schema.table}, {@code schema.table.column}, {@code schema.table.index} (also primary keys, foreign
 *     keys and checks by name), {@code schema.view}, {@code schema.object}; realm objects by their name
 */
public record SchemaHclResult(Realm realm, Map<String, SourceRange> positions) {

    public SchemaHclResult {
        Objects.requireNonNull(realm, "realm");
        positions = Map.copyOf(positions);
    }

    /** Where the object at {@code path} ({@code public.users.id}) is declared. */
    public Optional<SourceRange> position(String path) {
        return Optional.ofNullable(positions.get(path));
    }
}
