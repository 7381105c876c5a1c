package io.atlas4j.migrate.apply;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.migrate.txtar.CheckFile;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The pre-migration checks of one txtar file ({@code -- atlas:txtar}), run outside {@code migrate apply}:
 * a migrate test's {@code migrate} step runs them before the file's statements, as an apply would.
 */
public final class PreMigrationChecks {

    /**
     * A check file that did not pass.
     *
     * @param check the check file's name, e.g. {@code checks.sql}
     * @param message what failed, as {@code migrate apply} shows it (the assertion and why)
     * @param at the failing assertion, or null when the check file has none
     * @param cause the database error of the assertion, or null when it ran and was false
     */
    public record Failure(String check, String message, SqlStatement at, SQLException cause) {
    }

    private PreMigrationChecks() {
    }

    /**
     * Runs the check files of {@code file} in order on {@code c} and returns the first that fails; empty
     * when all pass or the file has none.
     */
    public static Optional<Failure> run(Connection c, MigrationFile file, Dialect dialect) {
        for (CheckFile check : file.checks()) {
            CheckRun run = CheckRun.evaluate(c, check, FileStatements.checks(file, check, dialect), dialect);
            if (!run.passed()) {
                return Optional.of(new Failure(check.name(), run.error().orElseThrow(), run.failedAt(), run.cause()));
            }
        }
        return Optional.empty();
    }
}
