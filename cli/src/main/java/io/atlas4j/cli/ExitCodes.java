package io.atlas4j.cli;

import io.atlas4j.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit statuses of {@code atlas4j}, taken from {@link ErrorCode#exitCode()} so the CLI,
 * the JUnit engine and the docs share one table. Listed in {@code --help}.
 */
public final class ExitCodes {

    /** Every selected case passed (or was skipped). */
    public static final int SUCCESS = 0;
    /** At least one case failed. */
    public static final int TESTS_FAILED = ErrorCode.TEST_FAILED.exitCode();
    /** The command line was wrong. */
    public static final int USAGE = ErrorCode.USAGE.exitCode();
    /** A project, test or schema file is invalid or missing, or no dialect handles a URL. */
    public static final int CONFIGURATION = ErrorCode.CONFIGURATION.exitCode();
    /** The dev database cannot be opened or reached. */
    public static final int DEV_DATABASE = ErrorCode.DEV_DATABASE.exitCode();
    /** Applying migrations (or a plan) failed. */
    public static final int APPLY = ErrorCode.APPLY.exitCode();
    /** A migration directory does not match its atlas.sum. */
    public static final int CHECKSUM_MISMATCH = ErrorCode.CHECKSUM_MISMATCH.exitCode();
    /** A bug in Atlas4J. */
    public static final int INTERNAL = ErrorCode.INTERNAL.exitCode();

    private ExitCodes() {
    }

    /** The table printed under {@code Exit Codes:} in the help, code (right-aligned) to meaning. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        list.put(key(SUCCESS), "Success");
        list.put(key(TESTS_FAILED), "Tests failed");
        list.put(key(USAGE), "Usage error");
        list.put(key(CONFIGURATION), "Configuration error or unsupported dialect");
        list.put(key(DEV_DATABASE), "Dev database or connection failure");
        list.put(key(APPLY), "Applying migrations failed");
        list.put(key(CHECKSUM_MISMATCH), "Migration directory does not match atlas.sum");
        list.put(key(INTERNAL), "Internal error");
        return list;
    }

    private static String key(int code) {
        return String.format("%3d", code);
    }
}
