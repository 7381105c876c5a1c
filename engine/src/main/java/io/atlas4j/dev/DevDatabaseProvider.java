package io.atlas4j.dev;

import io.atlas4j.url.DatabaseUrl;

/**
 * Opens dev databases for some URLs; found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.atlas4j.dev.DevDatabaseProvider}).
 *
 * <p>Dialect modules register one for their own schemes (a running server, or SQLite in process);
 * later modules add {@code docker://} and {@code embedded://}.
 */
public interface DevDatabaseProvider {

    /** Whether this provider opens {@code url}. */
    boolean supports(DatabaseUrl url);

    /**
     * Opens the dev database, checks that it is clean, and keeps it ready until closed.
     *
     * @throws io.atlas4j.error.Atlas4jException {@code CONNECTION} when it cannot be reached,
     *     {@code DEV_DATABASE} when it is not clean
     */
    DevDatabase open(DatabaseUrl url, DevOptions options);

    /** Higher wins when several providers support a URL. */
    default int priority() {
        return 0;
    }
}
