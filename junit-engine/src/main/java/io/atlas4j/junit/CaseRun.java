package io.atlas4j.junit;

import io.atlas4j.source.SourceRange;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testing.CaseListener;
import io.atlas4j.testing.CaseResult;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.ReportLine;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Runs one case on the runtime and reports its outcome the JUnit way. */
final class CaseRun {

    /** The report-entry key of {@code log} lines. */
    static final String LOG_KEY = "log";

    private CaseRun() {
    }

    /**
     * Runs the case; returns when it passed.
     *
     * @throws AssertionFailedError when it failed, with expected and actual values for output
     *     mismatches so IDEs show a diff
     */
    static void run(Atlas4jExecutionContext context, TestDescriptor descriptor, TestCase testCase) {
        EngineExecutionListener listener = context.listener();
        CaseResult result = context.environment(testCase.kind()).run(testCase, new CaseListener() {
            @Override
            public void logged(TestCase c, ReportLine.Log line) {
                listener.reportingEntryPublished(descriptor, ReportEntry.from(LOG_KEY, at(line.at()) + line.message()));
            }
        });
        switch (result.status()) {
            case PASSED -> {
            }
            case SKIPPED -> throw new TestAbortedException("skipped: " + testCase.name());
            case FAILED -> throw failure(result);
        }
    }

    static AssertionFailedError failure(CaseResult result) {
        Failure failure = result.failure().orElse(null);
        if (failure == null) {
            return new AssertionFailedError(result.testCase().name() + " failed");
        }
        String message = at(failure.at()) + failure.message();
        if (failure.hasComparison()) {
            return new AssertionFailedError(message, failure.expected(), failure.actual(), failure.cause());
        }
        return failure.cause() != null ? new AssertionFailedError(message, failure.cause())
                : new AssertionFailedError(message);
    }

    /** {@code "a.test.hcl:11: "}, Atlas's prefix of log and error lines. */
    private static String at(SourceRange range) {
        return range == null ? "" : range.fileName() + ":" + range.line() + ": ";
    }
}
