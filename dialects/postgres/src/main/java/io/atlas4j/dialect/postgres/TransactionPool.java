package io.atlas4j.dialect.postgres;

import io.atlas4j.dev.DevSession;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Transaction-isolated sessions over clones of one template database: each clone ("base") serves one
 * session at a time, and a session is a transaction on the base's connection, rolled back when it ends.
 *
 * <p>Bases are cloned on demand, so there are as many as sessions ever ran at the same time (one for a
 * sequential run). Concurrent sessions never share a base: two open transactions on one database can
 * wait for each other's locks (two inserts of the same key, DDL on the same table), and would see
 * each other's committed side effects (sequence values).
 */
final class TransactionPool implements AutoCloseable {

    private final PostgresDevDatabase database;
    private final String template;
    private final Deque<TransactionBase> idle = new ArrayDeque<>();
    private boolean closed;

    TransactionPool(PostgresDevDatabase database, String template) {
        this.database = database;
        this.template = template;
    }

    /**
     * A session on an idle base, or on a new clone when every base is busy.
     *
     * @param traits what the case is known to do
     */
    DevSession lease(TransactionFit.Traits traits) {
        while (true) {
            TransactionBase base = take();
            boolean created = base == null;
            if (created) {
                base = create();
            }
            Connection connection;
            try {
                connection = base.begin(traits);
            } catch (SQLException e) {
                // A base whose connection broke (a restarted server, a terminated backend) is replaced.
                destroy(base);
                if (created) {
                    throw PostgresErrors.failed(database.postgres(), base.url(), "cannot start a transaction", e);
                }
                continue;
            }
            TransactionBase leased = base;
            PostgresDevSession session = PostgresDevSession.pooled(database, base.url(), connection, s -> {
                try {
                    release(leased, traits);
                } finally {
                    database.unregister(s);
                }
            });
            database.register(session);
            return session;
        }
    }

    private synchronized TransactionBase take() {
        if (closed) {
            throw new IllegalStateException("workspace is closed");
        }
        return idle.pollFirst();
    }

    private TransactionBase create() {
        database.ensureOpen();
        String name = database.nextBaseName();
        PostgresDialect dialect = database.postgres();
        try {
            database.createDatabase(name, template);
        } catch (SQLException e) {
            throw PostgresErrors.failed(dialect, database.url(),
                    "cannot clone template database \"" + template + "\" into \"" + name + "\"", e);
        }
        DatabaseUrl url = database.urlOf(name);
        TransactionBase base;
        try {
            base = TransactionBase.open(database, url, name, null);
        } catch (SQLException e) {
            database.dropDatabase(name);
            throw PostgresErrors.failed(dialect, url, "cannot prepare it for transaction-isolated sessions", e);
        }
        return base;
    }

    /** Ends a session: the base goes back to the idle ones, or is dropped when it cannot be reset. */
    private void release(TransactionBase base, TransactionFit.Traits traits) {
        boolean reusable;
        try {
            base.end(traits);
            reusable = true;
        } catch (SQLException e) {
            reusable = false;
        }
        synchronized (this) {
            if (reusable && !closed) {
                idle.addFirst(base);
                return;
            }
        }
        destroy(base);
    }

    private void destroy(TransactionBase base) {
        synchronized (this) {
            idle.remove(base);
        }
        base.close();
        database.dropDatabase(base.ownedDatabase());
    }

    /** Closes every idle base and drops its database; busy ones are dropped when their session ends. */
    @Override
    public void close() {
        List<TransactionBase> toDrop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toDrop = new ArrayList<>(idle);
            idle.clear();
        }
        RuntimeException first = null;
        for (TransactionBase base : toDrop) {
            try {
                destroy(base);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
