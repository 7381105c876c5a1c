package io.atlas4j.testing.steps;

import io.atlas4j.testing.Failure;

/** A step did not pass; carries the failure to report. Checked, so every step runner declares it. */
public final class StepFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public StepFailedException(Failure failure) {
        super(failure.message(), failure.cause(), false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
