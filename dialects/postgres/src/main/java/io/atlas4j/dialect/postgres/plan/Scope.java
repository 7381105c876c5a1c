package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.dialect.postgres.PostgresAttrs.SerialType;
import io.atlas4j.dialect.postgres.PostgresTypes;
import io.atlas4j.plan.PlanException;
import io.atlas4j.plan.PlanOptions;
import io.atlas4j.schema.ColumnType;
import java.util.Optional;

/**
 * How names are qualified in one plan (spec §4.2): with each object's own schema (realm scope), never
 * (qualifier {@code ""}), or always with a fixed qualifier.
 */
final class Scope {

    private final Optional<String> qualifier;
    private final String indent;

    Scope(PlanOptions options) {
        this.qualifier = options.qualifier();
        this.indent = options.indent();
    }

    String indent() {
        return indent;
    }

    /** The schema to print in front of an object of {@code schema}, empty for none. */
    String schema(String schema) {
        return qualifier.orElse(schema);
    }

    /** {@code "s"."name"} or {@code "name"}. */
    String name(String schema, String name) {
        String s = schema(schema);
        return s.isEmpty() ? PgSql.ident(name) : PgSql.ident(s) + "." + PgSql.ident(name);
    }

    /**
     * The referenced table of a foreign key: like {@link #name}, except that a parent in another schema
     * stays qualified with its own schema when both schema names are known.
     */
    String reference(String childSchema, String refSchema, String table) {
        if (qualifier.isPresent() && !refSchema.isEmpty() && !childSchema.isEmpty() && !refSchema.equals(childSchema)) {
            return PgSql.ident(refSchema) + "." + PgSql.ident(table);
        }
        return name(refSchema.isEmpty() ? childSchema : refSchema, table);
    }

    /** The DDL spelling of {@code type}; user types follow the qualification rules. */
    String type(ColumnType type) {
        if (type instanceof ColumnType.ArrayType a) {
            return type(a.element()) + "[]";
        }
        if (type instanceof ColumnType.EnumRef e) {
            return name(e.schema(), e.name());
        }
        if (type instanceof ColumnType.UserTypeRef u) {
            // Named types with modifiers (geometry(point,4326)) cannot be quoted as one identifier.
            if (!PgSql.plainName(u.name())) {
                String s = schema(u.schema());
                return s.isEmpty() ? u.name() : PgSql.ident(s) + "." + u.name();
            }
            return name(u.schema(), u.name());
        }
        if (type instanceof SerialType s) {
            return s.spelling();
        }
        try {
            return PostgresTypes.format(type);
        } catch (RuntimeException e) {
            // PostgresTypes does not know every dialect type yet: an unsupported raw spelling is still usable.
            if (type instanceof ColumnType.UnsupportedType u) {
                return u.raw();
            }
            throw new PlanException("type " + type + " has no PostgreSQL spelling",
                    "use a type PostgreSQL supports");
        }
    }
}
