package io.atlas4j.testing.steps;

import io.atlas4j.sql.SqlStatement;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.output.ErrorMatcher;
import io.atlas4j.testing.output.Messages;
import java.sql.SQLException;

/**
 * {@code catch}: statements run in order until one fails; the step passes at the first error (whose text
 * must match {@code error} when set) and fails when every statement succeeded.
 */
final class CatchRunner implements StepRunner<Step.Catch> {

    static final String NO_ERROR = "expected an error, but the statement succeeded";

    @Override
    public void run(Step.Catch step, StepContext context) throws StepFailedException {
        for (SqlStatement statement : SqlRunner.statements(context, step.sqlRange(), step.sql())) {
            try {
                SqlRunner.execute(context, statement);
            } catch (SQLException e) {
                if (SqlRunner.timedOut(context, e)) {
                    throw new StepFailedException(SqlRunner.error(context, step.range(), e));
                }
                String message = context.dialect().errorMessage(e);
                if (step.error().isPresent() && !ErrorMatcher.matches(step.error().get(), message)) {
                    throw new StepFailedException(new Failure(step.range(), Failure.Kind.MISMATCH,
                            Messages.noMatch(step.error().get(), message), step.error().get(), message, e));
                }
                return;
            }
        }
        throw new StepFailedException(new Failure(step.range(), Failure.Kind.MISMATCH, NO_ERROR, null, null, null));
    }
}
