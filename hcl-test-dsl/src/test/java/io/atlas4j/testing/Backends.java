package io.atlas4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Server URLs for integration tests: skipped with a visible reason when absent, failing in CI. */
final class Backends {

    private Backends() {
    }

    /** The URL in {@code variable}; skips the test without it, or fails when backends are required. */
    static String url(String variable) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            String reason = variable + " is not set: no server to run against";
            String required = System.getenv("ATLAS4J_REQUIRE_BACKENDS");
            if (required != null && !required.isBlank()) {
                fail(reason + " (ATLAS4J_REQUIRE_BACKENDS is set)");
            }
            Assumptions.abort(reason);
        }
        return url;
    }
}
