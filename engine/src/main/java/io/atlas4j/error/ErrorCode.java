package io.atlas4j.error;

/**
 * The closed set of failure kinds, each with the process exit code the CLI uses for it.
 *
 * <p>One table for the whole project, so the CLI, the JUnit engine and the docs agree.
 */
public enum ErrorCode {
    /** Tests failed or drift was found. */
    TEST_FAILED(1),
    /** The command line was wrong. */
    USAGE(2),
    /** A project, test or schema file is invalid, or a file is missing. */
    CONFIGURATION(3),
    /** No dialect handles the URL, or the dialect module is not on the class path. */
    UNSUPPORTED_DIALECT(3),
    /** The dev database cannot be opened, is not clean, or failed while preparing state. */
    DEV_DATABASE(4),
    /** A database cannot be reached. */
    CONNECTION(4),
    /** A plan could not be computed. */
    PLAN(5),
    /** Applying changes failed. */
    APPLY(5),
    /** A migration directory does not match its integrity file. */
    CHECKSUM_MISMATCH(6),
    /** A bug in Atlas4J. */
    INTERNAL(70);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit status for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
