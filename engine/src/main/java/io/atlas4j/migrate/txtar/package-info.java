/**
 * Atlas's {@code -- atlas:txtar} migration files: a text archive whose {@code migration.sql} member is the
 * migration and whose {@code checks.sql} / {@code checks/<x>.sql} members are pre-migration checks
 * (migrate-dir.md §6, engine.md §7.1).
 */
package io.atlas4j.migrate.txtar;
