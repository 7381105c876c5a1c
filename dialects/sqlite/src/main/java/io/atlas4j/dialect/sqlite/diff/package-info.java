/** SQLite's diff rules and its normalising differ over the generic diff engine. */
package io.atlas4j.dialect.sqlite.diff;
