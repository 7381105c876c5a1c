package io.atlas4j.testing;

import io.atlas4j.testdsl.TestCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one case, as both front ends report it.
 *
 * @param testCase the case
 * @param status passed, failed or skipped
 * @param duration the time of its steps and cleanups (zero when it never started)
 * @param lines log and error lines in the order they happened
 * @param failure the first failure, when the case failed
 */
public record CaseResult(TestCase testCase, Status status, Duration duration, List<ReportLine> lines,
                         Optional<Failure> failure) {

    public CaseResult {
        lines = List.copyOf(lines);
    }

    /** How a case ended. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }
}
