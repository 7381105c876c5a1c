package io.atlas4j.schema.change;

/** Per-change statement options that do not live in the model (Atlas's clauses). */
public enum Clause {
    IF_EXISTS,
    IF_NOT_EXISTS,
    /** PostgreSQL {@code CASCADE} on drops. */
    CASCADE,
    /** PostgreSQL {@code CREATE/DROP INDEX CONCURRENTLY}. */
    CONCURRENTLY,
    /** PostgreSQL {@code NOT VALID} on added foreign keys and checks. */
    NOT_VALID
}
