package io.atlas4j.testing.steps;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a running statement when the case's deadline passes. JDBC's {@code setQueryTimeout} is not
 * enough: sqlite-jdbc applies it only to lock waits, and it counts in whole seconds; {@link Statement#cancel()}
 * works for every driver (a cancel request for PostgreSQL, KILL QUERY for MySQL, sqlite3_interrupt).
 */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "atlas4j-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** What {@link #cancelAt} returns: closing it disarms the watchdog. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    private Watchdog() {
    }

    /** Arms a cancel of {@code statement} at {@code deadline}; nothing when there is no deadline. */
    static Guard cancelAt(Deadline deadline, Statement statement) {
        if (deadline == null) {
            return () -> { };
        }
        ScheduledFuture<?> task = TIMER.schedule(() -> {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // The statement may have finished or its connection closed meanwhile; nothing to cancel.
            }
        }, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }
}
