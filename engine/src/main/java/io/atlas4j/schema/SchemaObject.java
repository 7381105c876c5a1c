package io.atlas4j.schema;

/**
 * An object that lives in a schema besides tables, views and routines: enum types, sequences, and the
 * dialects' own kinds (PostgreSQL domains, composite types, policies, ...). Objects of one class are
 * identified by name within their schema; records give the structural equality the differ relies on.
 */
public interface SchemaObject {

    /** The object's name, unique within its schema among objects of its class. */
    String name();

    /** The kind as plan comments and errors spell it: {@code enum type}, {@code sequence}, ... */
    String kind();
}
