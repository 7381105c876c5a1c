package io.atlas4j.dialect.postgres.plan;

import io.atlas4j.schema.Attr;

/**
 * Marks an added check constraint {@code NOT VALID} (existing rows are not checked). Foreign keys use
 * the {@code NOT_VALID} clause of their change; checks carry this attribute instead because
 * {@code AddCheck} has no clauses.
 */
public record NotValid() implements Attr {
}
