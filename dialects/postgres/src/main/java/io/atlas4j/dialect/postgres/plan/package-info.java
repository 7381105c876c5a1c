/**
 * PostgreSQL's plan role: {@link io.atlas4j.dialect.postgres.plan.PostgresPlanner} turns schema changes
 * into ordered statements (spec §4.4, §4.12) on top of the engine's generic
 * {@link io.atlas4j.plan.ChangeOrder}; the package-private classes split the work by object kind (tables,
 * ALTER TABLE, routines and views, other objects) and hold the SQL text helpers.
 */
package io.atlas4j.dialect.postgres.plan;
