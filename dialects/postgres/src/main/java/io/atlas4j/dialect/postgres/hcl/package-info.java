/**
 * PostgreSQL's HCL schema language (Atlas keeps its HCL spec in the driver package too): the only package of
 * this dialect allowed to use {@code io.atlas4j.hcl} and {@code io.atlas4j.schemahcl}.
 */
package io.atlas4j.dialect.postgres.hcl;
