package io.atlas4j.dev.testcontainers;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.dialect.Dialects;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Polls the server through its dialect's own connection (no JDBC driver of this module's own), every
 * 100 ms as Atlas does: a listening port is not yet a server that accepts logins (SQL Server recovers its
 * databases first; the MySQL images restart once after initialising).
 */
final class DialectServerSetup implements ServerSetup {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    @Override
    public void run(DatabaseUrl adminUrl, List<String> statements, Instant deadline) {
        Dialect dialect = Dialects.forUrl(adminUrl);
        Connection connection = connect(dialect, adminUrl, deadline);
        try (connection; Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                            "setup statement " + sql + " failed: " + dialect.errorMessage(e), null, e);
                }
            }
        } catch (SQLException e) {
            throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                    "cannot run setup statements on " + adminUrl.masked() + ": " + dialect.errorMessage(e), null, e);
        }
    }

    private static Connection connect(Dialect dialect, DatabaseUrl url, Instant deadline) {
        while (true) {
            try {
                return dialect.connect(url);
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new Atlas4jException(ErrorCode.DEV_DATABASE,
                            "the server in the container did not accept a login within "
                                    + TestcontainersEngine.STARTUP_TIMEOUT.toSeconds() + "s: " + dialect.errorMessage(e),
                            "add ?v to the docker URL to see the container's output", e);
                }
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Atlas4jException(ErrorCode.DEV_DATABASE, "interrupted while waiting for " + url.masked(), e);
            }
        }
    }
}
