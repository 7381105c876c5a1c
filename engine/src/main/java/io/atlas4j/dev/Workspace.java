package io.atlas4j.dev;

/**
 * A prepared state ({@link SchemaState}) on a dev database, from which isolated sessions are leased.
 *
 * <p>Every session starts from exactly the prepared state, and nothing one session does (rows, DDL,
 * sequence values) is seen by a later one. The mechanism is the dialect's: a template database clone,
 * a copy of an in-memory database, or drop and re-create.
 */
public interface Workspace extends AutoCloseable {

    /** The state this workspace was prepared from. */
    SchemaState state();

    /**
     * A fresh, isolated session at the prepared state. Safe to call from several threads; each
     * session is used by one thread.
     */
    DevSession lease();

    /**
     * A fresh, isolated session for a case whose needs are known. Dialects with a cheaper mechanism for
     * some cases (a transaction rolled back at close) override this; the default is {@link #lease()}.
     */
    default DevSession lease(SessionNeeds needs) {
        return lease();
    }

    /** Removes the prepared state. */
    @Override
    void close();
}
