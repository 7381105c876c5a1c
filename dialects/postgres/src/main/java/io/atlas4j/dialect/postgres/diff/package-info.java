/**
 * PostgreSQL's diff rules: {@link io.atlas4j.dialect.postgres.diff.PostgresDiffRules} answers the dialect
 * questions of the generic {@link io.atlas4j.diff.DiffEngine}; {@link io.atlas4j.dialect.postgres.diff.PostgresDiffer}
 * builds the differ the dialect's schema driver returns.
 */
package io.atlas4j.dialect.postgres.diff;
