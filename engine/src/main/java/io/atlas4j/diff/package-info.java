/**
 * The diff role: compares a current and a desired {@link io.atlas4j.schema.Realm} and lists the
 * {@link io.atlas4j.schema.change.SchemaChange}s between them. {@link io.atlas4j.diff.DiffEngine} is
 * the generic algorithm; dialects answer only dialect questions through {@link io.atlas4j.diff.DiffRules}.
 */
package io.atlas4j.diff;
