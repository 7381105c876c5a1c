package io.atlas4j.testing.steps;

import io.atlas4j.source.SourceRange;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.output.ResultTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** Splits a step's SQL with the dialect's rules and runs it statement by statement. */
final class SqlRunner {

    private SqlRunner() {
    }

    /** The statements of {@code sql}, positioned in the test file. */
    static List<SqlStatement> statements(StepContext context, SourceRange sqlRange, String sql) {
        return context.dialect().split(new SqlScript(sqlRange.uri(), sql, sqlRange.line(), sqlRange.column()));
    }

    /**
     * Runs one statement and returns the last result set it produced, if any.
     *
     * @throws SQLException as the driver reports it
     */
    static Optional<ResultTable> execute(StepContext context, SqlStatement statement) throws SQLException {
        try (Statement st = context.connection().createStatement();
             Watchdog.Guard guard = Watchdog.cancelAt(context.deadline(), st)) {
            boolean isResult = st.execute(statement.text());
            ResultTable last = null;
            while (true) {
                if (isResult) {
                    try (ResultSet rs = st.getResultSet()) {
                        last = ResultTable.read(rs);
                    }
                } else if (st.getUpdateCount() == -1) {
                    break;
                }
                isResult = st.getMoreResults();
            }
            return Optional.ofNullable(last);
        }
    }

    /** A failure for a database error in a step; a statement cancelled at the deadline is a timeout. */
    static Failure error(StepContext context, SourceRange at, SQLException e) {
        if (timedOut(context, e)) {
            return context.deadline().failure(at, context.dialect().errorMessage(e));
        }
        return new Failure(at, Failure.Kind.ERROR, context.dialect().errorMessage(e), null, null, e);
    }

    /** Whether {@code e} is the driver cancelling a statement because the case's deadline passed. */
    static boolean timedOut(StepContext context, SQLException e) {
        return context.deadline() != null && context.deadline().passed()
                && (e instanceof SQLTimeoutException || "57014".equals(e.getSQLState()) || "70100".equals(e.getSQLState())
                || isInterrupt(e));
    }

    private static boolean isInterrupt(SQLException e) {
        String m = e.getMessage();
        return m != null && (m.contains("interrupt") || m.contains("SQLITE_INTERRUPT") || m.contains("cancel"));
    }
}
