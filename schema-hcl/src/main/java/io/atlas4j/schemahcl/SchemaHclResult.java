package io.atlas4j.schemahcl;

import io.atlas4j.diff.Rename;
import io.atlas4j.schema.Realm;
import io.atlas4j.source.SourceRange;
import java.util.List;
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
 * @param renames the {@code renamed_from} hints of tables, columns and indexes, in document order
 */
public record SchemaHclResult(Realm realm, Map<String, SourceRange> positions, List<Rename> renames) {

    public SchemaHclResult {
        Objects.requireNonNull(realm, "realm");
        positions = Map.copyOf(positions);
        renames = List.copyOf(renames);
    }

    /** A document without rename hints. */
    public SchemaHclResult(Realm realm, Map<String, SourceRange> positions) {
        this(realm, positions, List.of());
    }

    /** Where the object at {@code path} ({@code public.users.id}) is declared. */
    public Optional<SourceRange> position(String path) {
        return Optional.ofNullable(positions.get(path));
    }
}
