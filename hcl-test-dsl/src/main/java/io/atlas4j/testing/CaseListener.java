package io.atlas4j.testing;

import io.atlas4j.testdsl.TestCase;

/** Receives a run's events; the CLI prints them, the JUnit engine reports them. */
public interface CaseListener {

    /** A case is about to run (not called for skipped cases). */
    default void caseStarted(TestCase testCase) {
    }

    /** A {@code log} step ran. */
    default void logged(TestCase testCase, ReportLine.Log line) {
    }

    /** A case is over (passed, failed or skipped). */
    default void caseFinished(CaseResult result) {
    }

    /** A listener that ignores everything. */
    CaseListener NONE = new CaseListener() {
    };
}
