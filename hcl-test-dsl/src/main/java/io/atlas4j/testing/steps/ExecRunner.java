package io.atlas4j.testing.steps;

import io.atlas4j.sql.SqlStatement;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.output.OutputComparator;
import io.atlas4j.testing.output.ResultTable;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code exec}: every statement must succeed; the rows of the last statement that returned a result set
 * (or the empty string when none did) are checked against {@code output} or {@code match}.
 */
final class ExecRunner implements StepRunner<Step.Exec> {

    @Override
    public void run(Step.Exec step, StepContext context) throws StepFailedException {
        ResultTable last = null;
        for (SqlStatement statement : SqlRunner.statements(context, step.sqlRange(), step.sql())) {
            try {
                Optional<ResultTable> result = SqlRunner.execute(context, statement);
                if (result.isPresent()) {
                    last = result.get();
                }
            } catch (SQLException e) {
                throw new StepFailedException(SqlRunner.error(context, step.range(), e));
            }
        }
        ResultTable actual = last != null ? last : new ResultTable(List.of(), List.of());
        Expectations.check(step.range(), step.expectation(),
                expected -> OutputComparator.matches(step.format(), expected, actual, context.strictOutput()),
                OutputComparator.render(step.format(), actual));
    }

}
