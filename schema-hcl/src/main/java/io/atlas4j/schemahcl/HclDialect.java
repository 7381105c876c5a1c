package io.atlas4j.schemahcl;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.ColumnType;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.RealmObject;
import io.atlas4j.schema.SchemaObject;
import io.atlas4j.schema.Trigger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one dialect adds to the generic HCL schema codec (Atlas's per-driver {@code sqlspec}): its types, the
 * extra attributes of the common blocks, and its own top-level blocks. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.atlas4j.schemahcl.HclDialect}), see {@link HclDialects}.
 */
public interface HclDialect {

    /** The dialect name, as {@code io.atlas4j.dialect.Dialect#name()} spells it ({@code postgres}). */
    String name();

    /**
     * The type an HCL type expression denotes.
     *
     * @throws IllegalArgumentException when the dialect has no such type (reported as "unknown type")
     */
    ColumnType parseType(TypeSpec spec);

    /** How the writer spells {@code type}; {@code realm} tells which user type a reference names. */
    TypeSpec formatType(ColumnType type, Realm realm);

    /**
     * A type as the database spells it in SQL ({@code SETOF users}, {@code integer}); used for routine return
     * types, which the model keeps as text.
     */
    String sqlType(ColumnType type);

    /** Parses an SQL type spelling (the inverse of {@link #sqlType}). */
    ColumnType parseSqlType(String sql);

    /** The attributes and child blocks this dialect reads on blocks of {@code kind}, beyond the generic ones. */
    Set<String> extraNames(BlockKind kind);

    /** Reads the dialect's attributes of {@code node} (only the names of {@link #extraNames}). */
    List<Attr> readAttrs(BlockKind kind, HclNode node);

    /**
     * Writes the dialect's attributes of a model node into {@code out}.
     *
     * @param attrs the node's attributes; neutral ones the generic writer already wrote are included
     */
    void writeAttrs(BlockKind kind, List<Attr> attrs, OutBlock out);

    /** Whether a generated column without {@code type} is STORED (PostgreSQL) rather than VIRTUAL. */
    default boolean generatedStoredByDefault() {
        return false;
    }

    /** The body of a trigger written with dialect blocks (PostgreSQL {@code execute { function }}), if any. */
    default Optional<String> triggerBody(HclNode trigger) {
        return Optional.empty();
    }

    /** Writes a trigger's body in the dialect's form; false leaves it to the generic {@code as} attribute. */
    default boolean writeTriggerBody(Trigger trigger, OutBlock out) {
        return false;
    }

    /** The dialect's own top-level block types ({@code domain}, {@code extension}, ...). */
    default Set<String> topLevelBlocks() {
        return Set.of();
    }

    /**
     * Reads one of {@link #topLevelBlocks()}: a schema object (with the real name of its schema) or a realm
     * object; empty after reporting an error on {@code node}.
     */
    default Optional<ReadObject> readObject(HclNode node) {
        return Optional.empty();
    }

    /** Writes the dialect's schema objects of one schema (those the generic writer does not know). */
    default List<OutBlock> writeSchemaObjects(String schema, List<SchemaObject> objects, Realm realm) {
        return List.of();
    }

    /** Writes the dialect's realm objects. */
    default List<OutBlock> writeRealmObjects(List<RealmObject> objects, Realm realm) {
        return List.of();
    }

    /** An object a dialect block produced. */
    sealed interface ReadObject {
    }

    /** A schema-level object and the real name of its schema. */
    record InSchema(String schema, SchemaObject object) implements ReadObject {
    }

    /** A database-level object. */
    record InRealm(RealmObject object) implements ReadObject {
    }
}
