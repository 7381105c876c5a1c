package io.atlas4j.testing;

import io.atlas4j.testdsl.TestCase;

/**
 * The runtime shared by the CLI and the JUnit engine: opens the dev database on first use, prepares
 * the desired state once, and runs cases, each on its own isolated copy (parallel cases share one).
 * Thread-safe.
 */
public final class TestEnvironment implements AutoCloseable {

    private final TestConfig config;

    private TestEnvironment(TestConfig config) {
        this.config = config;
    }

    /** An environment for {@code config}; nothing is opened until the first case runs. */
    public static TestEnvironment create(TestConfig config) {
        return new TestEnvironment(config);
    }

    /** The configuration. */
    public TestConfig config() {
        return config;
    }

    /**
     * Runs one case (or reports it skipped) and returns its result; never throws for a failing case or
     * a failing setup, which are results.
     */
    public CaseResult run(TestCase testCase, CaseListener listener) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Closes sessions and the dev database. */
    @Override
    public void close() {
    }
}
