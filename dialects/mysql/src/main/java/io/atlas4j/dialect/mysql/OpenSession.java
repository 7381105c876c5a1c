package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.DevSession;

/** A session of a {@link MysqlDevDatabase}, whose connections the database closes when it closes first. */
interface OpenSession extends DevSession {

    /** Closes every connection of the session, without giving its slot back. */
    void closeConnections();
}
