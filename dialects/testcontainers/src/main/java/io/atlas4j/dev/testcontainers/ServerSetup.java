package io.atlas4j.dev.testcontainers;

import io.atlas4j.url.DatabaseUrl;
import java.time.Instant;
import java.util.List;

/**
 * Waits until a freshly started server accepts logins, then runs the recipe's setup statements on it.
 * {@link DialectServerSetup} in production; a stand-in in unit tests.
 */
@FunctionalInterface
interface ServerSetup {

    /**
     * @param adminUrl the server-level URL ({@link ContainerRecipe#adminUrl})
     * @param statements the setup statements, run in order; may be empty (then only the wait)
     * @param deadline when to give up waiting for a login
     * @throws io.atlas4j.error.Atlas4jException {@code DEV_DATABASE} when no login succeeds in time or a
     *     statement fails
     */
    void run(DatabaseUrl adminUrl, List<String> statements, Instant deadline);
}
