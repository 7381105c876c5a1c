/**
 * Reading schema states for diff, apply and tests: a live database inspected, or a desired state (SQL
 * files, a planned HCL schema) built on a clean dev database and inspected back, so both sides of a diff
 * are in the database's own normal form (engine.md §3.11).
 */
package io.atlas4j.state;
