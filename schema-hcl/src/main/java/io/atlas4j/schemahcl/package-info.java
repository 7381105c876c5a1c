/**
 * Atlas HCL schema files ({@code sqlspec}): {@link io.atlas4j.schemahcl.SchemaHclReader} reads HCL documents
 * into the neutral model with positions and all-at-once diagnostics, {@link io.atlas4j.schemahcl.SchemaHclWriter}
 * prints a realm as {@code atlas schema inspect} does. Dialects plug their types, attributes and blocks in through
 * {@link io.atlas4j.schemahcl.HclDialect} ({@link java.util.ServiceLoader}, see
 * {@link io.atlas4j.schemahcl.HclDialects}).
 */
package io.atlas4j.schemahcl;
