package io.atlas4j.schema;

/**
 * An object that belongs to the whole database rather than one schema (PostgreSQL extensions and event
 * triggers). Identified by class and name.
 */
public interface RealmObject {

    /** The object's name, unique in the realm among objects of its class. */
    String name();

    /** The kind as plan comments and errors spell it: {@code extension}, {@code event trigger}. */
    String kind();
}
