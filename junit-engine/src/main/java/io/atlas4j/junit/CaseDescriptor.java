package io.atlas4j.junit;

import io.atlas4j.testdsl.TestCase;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** A case of a file: a test that runs one {@link TestCase}, or a {@code for_each} block's container. */
abstract sealed class CaseDescriptor extends AbstractTestDescriptor implements Node<Atlas4jExecutionContext>
        permits TestCaseDescriptor, CaseExampleDescriptor {

    private final TestCase testCase;
    private final boolean parallel;
    private final int order;

    /**
     * @param testCase the case it runs, or null for a container
     * @param parallel whether it (or, for a container, any of its rows) may run concurrently
     * @param order its position in the file
     */
    CaseDescriptor(UniqueId uniqueId, String displayName, TestSource source, TestCase testCase, boolean parallel,
                   int order) {
        super(uniqueId, displayName, source);
        this.testCase = testCase;
        this.parallel = parallel;
        this.order = order;
    }

    /** The case it runs, or null for a container. */
    TestCase testCase() {
        return testCase;
    }

    /** The position of its (first) case in the file, to keep source order. */
    int order() {
        return order;
    }

    @Override
    public Type getType() {
        return testCase != null ? Type.TEST : Type.CONTAINER;
    }

    @Override
    public SkipResult shouldBeSkipped(Atlas4jExecutionContext context) {
        // Decided before running, so a skipped case never reaches the dev database.
        return testCase != null && testCase.skip() ? SkipResult.skip("skip = true") : SkipResult.doNotSkip();
    }

    @Override
    public Atlas4jExecutionContext execute(Atlas4jExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        if (testCase != null) {
            CaseRun.run(context, this, testCase);
        }
        return context;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return parallel ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
    }
}
