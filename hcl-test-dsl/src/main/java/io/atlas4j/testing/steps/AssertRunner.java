package io.atlas4j.testing.steps;

import io.atlas4j.sql.SqlStatement;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.output.ResultTable;
import io.atlas4j.testing.output.Truth;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code assert}: every statement that returns rows must return exactly one row of one column whose value
 * is true ({@code t}, {@code true} or {@code 1}); {@code error_message} replaces the default text.
 */
final class AssertRunner implements StepRunner<Step.Assert> {

    @Override
    public void run(Step.Assert step, StepContext context) throws StepFailedException {
        for (SqlStatement statement : SqlRunner.statements(context, step.sqlRange(), step.sql())) {
            Optional<ResultTable> result;
            try {
                result = SqlRunner.execute(context, statement);
            } catch (SQLException e) {
                throw new StepFailedException(SqlRunner.error(context, step.range(), e));
            }
            if (result.isEmpty()) {
                continue;
            }
            ResultTable table = result.get();
            if (table.rows().size() != 1 || table.columns().size() != 1) {
                fail(step, "assertion failed: expected 1 row and 1 column, got " + table.rows().size() + " rows and "
                        + table.columns().size() + " columns");
            }
            String value = table.rows().get(0).get(0);
            if (Truth.of(value) != Truth.Outcome.TRUE) {
                fail(step, "assertion failed: expected a single true value, got "
                        + (value == null ? "NULL" : "\"" + value + "\""));
            }
        }
    }

    private static void fail(Step.Assert step, String defaultMessage) throws StepFailedException {
        throw new StepFailedException(new Failure(step.range(), Failure.Kind.MISMATCH,
                step.errorMessage().orElse(defaultMessage), null, null, null));
    }
}
