/**
 * The changes a diff produces and a planner turns into SQL: {@link io.atlas4j.schema.change.SchemaChange}
 * at schema and realm level, {@link io.atlas4j.schema.change.TableChange} inside a
 * {@link io.atlas4j.schema.change.SchemaChange.ModifyTable}. Each change carries the schema name it
 * applies to, since the model has no back-pointers.
 */
package io.atlas4j.schema.change;
