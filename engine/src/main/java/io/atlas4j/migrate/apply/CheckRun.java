package io.atlas4j.migrate.apply;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.migrate.txtar.CheckFile;
import io.atlas4j.sql.SqlStatement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of one check file of a txtar migration evaluated against the target (engine.md §7.1): every
 * assertion is run and must return a single true value; {@link CheckFile.Policy#ALL} needs all of them,
 * {@link CheckFile.Policy#ONE_OF} at least one. A database error stops the file at that assertion.
 *
 * @param assertions the assertions run, in order, each marked failed when it counts as a failure
 * @param error the text to show under the check file when it failed; empty when it passed
 * @param failedAt the assertion the error names, or null when it passed (or the file has no assertions)
 * @param cause the database error of a failing assertion, or null
 */
record CheckRun(List<Assertion> assertions, Optional<String> error, SqlStatement failedAt, SQLException cause) {

    /**
     * One assertion as it is shown.
     *
     * @param text the statement as executed
     * @param error why it counts as a failure (e.g. {@code returned false}, or the database error), or null
     *     when it does not
     */
    record Assertion(String text, String error) {

        boolean failed() {
            return error != null;
        }
    }

    // Go's strconv.ParseBool spellings, the strings Atlas accepts as a boolean result.
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    CheckRun {
        assertions = List.copyOf(assertions);
    }

    boolean passed() {
        return error.isEmpty();
    }

    /** Runs the assertions {@code split} of {@code check} on {@code c}. */
    static CheckRun evaluate(Connection c, CheckFile check, FileStatements split, Dialect dialect) {
        List<String> texts = split.texts();
        List<Optional<String>> reasons = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                reasons.add(falseReason(c, texts.get(i)));
            } catch (SQLException e) {
                List<Assertion> shown = new ArrayList<>();
                for (int k = 0; k < i; k++) {
                    shown.add(new Assertion(texts.get(k), null));
                }
                String message = dialect.errorMessage(e);
                shown.add(new Assertion(texts.get(i), message));
                return new CheckRun(shown, Optional.of(message), split.statements().get(i), e);
            }
        }
        long failures = reasons.stream().filter(Optional::isPresent).count();
        boolean passed = check.policy() == CheckFile.Policy.ALL ? failures == 0 : failures < texts.size();
        List<Assertion> shown = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            // A false assertion of a oneof file that passed is not a failure.
            shown.add(new Assertion(texts.get(i), passed ? null : reasons.get(i).orElse(null)));
        }
        if (passed) {
            return new CheckRun(shown, Optional.empty(), null, null);
        }
        if (texts.isEmpty()) {
            return new CheckRun(shown, Optional.of("check file \"" + check.name()
                    + "\" has no assertions, but atlas:assert oneof needs one to be true"), null, null);
        }
        int first = 0;
        while (reasons.get(first).isEmpty()) {
            first++;
        }
        return new CheckRun(shown, Optional.of(failures + " of " + texts.size() + " assertions failed: check assertion \""
                + texts.get(first) + "\" " + reasons.get(first).get()), split.statements().get(first), null);
    }

    /** Why the assertion {@code sql} does not hold (e.g. {@code returned false}), or empty when it is true. */
    private static Optional<String> falseReason(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return Optional.of("returned no result");
            }
            try (ResultSet rs = s.getResultSet()) {
                if (rs.getMetaData().getColumnCount() != 1) {
                    return Optional.of("returned " + rs.getMetaData().getColumnCount() + " columns, not one");
                }
                if (!rs.next()) {
                    return Optional.of("returned no rows");
                }
                Object value = rs.getObject(1);
                if (rs.next()) {
                    return Optional.of("returned more than one row");
                }
                return reason(value);
            }
        }
    }

    // A boolean, a number 0/1 (SQLite and MySQL have no boolean type) or a ParseBool string; anything else,
    // NULL included, is not a true value.
    static Optional<String> reason(Object value) {
        if (value == null) {
            return Optional.of("returned NULL");
        }
        Boolean b = asBoolean(value);
        if (b == null) {
            return Optional.of("returned " + value + ", not a boolean");
        }
        return b ? Optional.empty() : Optional.of("returned false");
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            BigDecimal d;
            try {
                d = n instanceof BigDecimal bd ? bd : n instanceof BigInteger bi ? new BigDecimal(bi)
                        : new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return null; // NaN or infinity
            }
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return true;
            }
            return d.signum() == 0 ? false : null;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        if (TRUE.contains(text)) {
            return true;
        }
        return FALSE.contains(text) ? false : null;
    }
}
