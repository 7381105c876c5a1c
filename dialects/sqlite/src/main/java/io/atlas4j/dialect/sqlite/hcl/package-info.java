/** SQLite's HCL schema codec: its types and the SQLite-only attributes. */
package io.atlas4j.dialect.sqlite.hcl;
