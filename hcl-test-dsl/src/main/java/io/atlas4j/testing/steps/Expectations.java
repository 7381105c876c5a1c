package io.atlas4j.testing.steps;

import io.atlas4j.source.SourceRange;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.output.Messages;
import java.util.function.Predicate;

/** Checks {@code output} / {@code match} expectations, shared by {@code exec} and {@code external}. */
final class Expectations {

    private Expectations() {
    }

    /**
     * @param equalsExpected whether an {@code output} text equals the actual result (with the step's
     *     comparison rules)
     * @param rendering the actual result as text, searched by {@code match} and shown in messages
     */
    static void check(SourceRange at, Step.Expectation expectation, Predicate<String> equalsExpected, String rendering)
            throws StepFailedException {
        if (expectation instanceof Step.OutputExpectation) {
            String expected = ((Step.OutputExpectation) expectation).expected();
            if (!equalsExpected.test(expected)) {
                throw new StepFailedException(mismatch(at, expected, rendering));
            }
        } else if (expectation instanceof Step.MatchExpectation) {
            Step.MatchExpectation match = (Step.MatchExpectation) expectation;
            if (!match.pattern().matcher(rendering).find()) {
                throw new StepFailedException(new Failure(at, Failure.Kind.MISMATCH,
                        Messages.noMatch(match.pattern().pattern(), rendering), match.pattern().pattern(), rendering, null));
            }
        }
    }

    /** The failure for an {@code output} that does not equal the actual text. */
    static Failure mismatch(SourceRange at, String expected, String actual) {
        return new Failure(at, Failure.Kind.MISMATCH, Messages.noMatch(expected, actual), expected, actual, null);
    }
}
