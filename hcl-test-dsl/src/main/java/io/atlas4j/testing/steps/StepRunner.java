package io.atlas4j.testing.steps;

import io.atlas4j.testdsl.Step;

/**
 * Runs one kind of step. One implementation per {@link Step} record, kept in {@link StepRunners}.
 *
 * @param <S> the step kind
 */
@FunctionalInterface
public interface StepRunner<S extends Step> {

    /**
     * Runs the step.
     *
     * @throws StepFailedException when the step does not pass
     */
    void run(S step, StepContext context) throws StepFailedException;
}
