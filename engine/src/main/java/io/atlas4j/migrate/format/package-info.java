/**
 * Migration directory formats other than Atlas's (golang-migrate, goose, flyway, liquibase, dbmate):
 * which files of a directory are migrations, their versions and order, the up-SQL to execute, and how
 * {@code migrate diff} writes a plan in each format (migrate-dir.md §10).
 */
package io.atlas4j.migrate.format;
