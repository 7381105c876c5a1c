package io.atlas4j.schemahcl;

/** The blocks the generic reader and writer understand, where a dialect may add attributes. */
public enum BlockKind {
    SCHEMA, TABLE, COLUMN, PRIMARY_KEY, INDEX, INDEX_PART, FOREIGN_KEY, CHECK, VIEW, FUNCTION, PROCEDURE,
    TRIGGER, SEQUENCE, ENUM
}
