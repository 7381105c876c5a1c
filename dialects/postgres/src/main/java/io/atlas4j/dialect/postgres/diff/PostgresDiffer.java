package io.atlas4j.dialect.postgres.diff;

import io.atlas4j.diff.DiffEngine;
import io.atlas4j.diff.Differ;

/** PostgreSQL's differ: the generic {@link DiffEngine} with {@link PostgresDiffRules}. */
public final class PostgresDiffer {

    private PostgresDiffer() {
    }

    /** A differ for PostgreSQL states. */
    public static Differ create() {
        return new DiffEngine(new PostgresDiffRules());
    }
}
