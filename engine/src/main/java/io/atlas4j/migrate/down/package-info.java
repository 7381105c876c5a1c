/**
 * {@code migrate down}: reverting applied migration files by computing a plan from the database's current
 * state to the state the directory describes at an earlier version (no down files), with pre-migration
 * checks that refuse to lose data.
 */
package io.atlas4j.migrate.down;
