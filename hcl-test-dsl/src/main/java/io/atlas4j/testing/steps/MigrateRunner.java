package io.atlas4j.testing.steps;

import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;

/**
 * {@code migrate}: applies migration files up to a version. Migration directories are not supported
 * yet, so the step fails with a message saying so instead of pretending to pass.
 */
final class MigrateRunner implements StepRunner<Step.Migrate> {

    @Override
    public void run(Step.Migrate step, StepContext context) throws StepFailedException {
        throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                "migrate { to = \"" + step.to() + "\" }: migration directories are not supported by Atlas4J yet",
                null, null, null));
    }
}
