/** SQLite inspection: PRAGMAs per table, and the original DDL for what they do not tell. */
package io.atlas4j.dialect.sqlite.inspect;
