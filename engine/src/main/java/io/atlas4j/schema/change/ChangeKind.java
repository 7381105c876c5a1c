package io.atlas4j.schema.change;

import java.util.EnumSet;
import java.util.Set;

/** What changed in a modified column, index, primary key, foreign key or check (Atlas's flags). */
public enum ChangeKind {
    /** A generic attribute: PostgreSQL identity, index type, predicate, include, storage parameters. */
    ATTR,
    CHARSET,
    COLLATE,
    COMMENT,
    NULL,
    TYPE,
    DEFAULT,
    GENERATED,
    UNIQUE,
    PARTS,
    COLUMN,
    REF_COLUMN,
    REF_TABLE,
    UPDATE_ACTION,
    DELETE_ACTION;

    /** An empty, modifiable set. */
    public static Set<ChangeKind> none() {
        return EnumSet.noneOf(ChangeKind.class);
    }
}
