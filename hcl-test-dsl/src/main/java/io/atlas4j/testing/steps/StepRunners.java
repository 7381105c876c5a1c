package io.atlas4j.testing.steps;

import io.atlas4j.sql.SqlStatement;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import java.sql.SQLException;
import java.util.Map;

/** The runner of each step kind (Atlas's script verbs), and the one entry point that dispatches. */
public final class StepRunners {

    private static final Map<Class<? extends Step>, StepRunner<? extends Step>> RUNNERS = Map.of(
            Step.Exec.class, new ExecRunner(),
            Step.Catch.class, new CatchRunner(),
            Step.Assert.class, new AssertRunner(),
            Step.External.class, new ExternalRunner(),
            Step.Migrate.class, new MigrateRunner(),
            Step.Log.class, (StepRunner<Step.Log>) (step, context) -> context.log(step.range(), step.message()),
            // Registration happens when execution reaches the block, like a deferred call.
            Step.Cleanup.class, (StepRunner<Step.Cleanup>) (step, context) -> context.register(step));

    private StepRunners() {
    }

    /**
     * Runs any step with its runner.
     *
     * @throws StepFailedException when it does not pass
     */
    @SuppressWarnings("unchecked")
    public static void run(Step step, StepContext context) throws StepFailedException {
        context.checkDeadline(step.range(), step.keyword());
        StepRunner<Step> runner = (StepRunner<Step>) RUNNERS.get(step.getClass());
        runner.run(step, context);
    }

    /**
     * Runs a registered cleanup's SQL.
     *
     * @throws StepFailedException when a statement fails
     */
    public static void runCleanup(Step.Cleanup cleanup, StepContext context) throws StepFailedException {
        for (SqlStatement statement : SqlRunner.statements(context, cleanup.sqlRange(), cleanup.sql())) {
            try {
                SqlRunner.execute(context, statement);
            } catch (SQLException e) {
                if (SqlRunner.timedOut(context, e)) {
                    throw new StepFailedException(SqlRunner.error(context, cleanup.range(), e));
                }
                throw new StepFailedException(new Failure(cleanup.range(),
                        Failure.Kind.CLEANUP, "cleanup: " + context.dialect().errorMessage(e),
                        null, null, e));
            }
        }
    }
}
