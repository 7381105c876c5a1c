package io.atlas4j.testing;

import io.atlas4j.testdsl.TestFile;
import java.util.List;

/**
 * Runs whole files the way Atlas does: filtered by {@code --run}, sequential cases first in file order,
 * then the parallel cases together.
 */
public final class TestRun {

    private TestRun() {
    }

    /** Runs every selected case of {@code files} on {@code environment}, reporting to {@code listener}. */
    public static RunSummary run(TestEnvironment environment, List<TestFile> files, CaseListener listener) {
        throw new UnsupportedOperationException("TODO");
    }
}
