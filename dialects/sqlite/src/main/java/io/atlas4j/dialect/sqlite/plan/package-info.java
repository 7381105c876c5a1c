/** SQLite's planner: statements in diff order, in-place changes or a table rebuild. */
package io.atlas4j.dialect.sqlite.plan;
