/**
 * The dialect-neutral schema model: immutable records for a realm of schemas, their tables, views and
 * enum types. Nodes have no parent back-pointers; a node is identified by its (qualified) name, and
 * dialect extras hang on nodes as typed {@link io.atlas4j.schema.Attr} values.
 */
package io.atlas4j.schema;
