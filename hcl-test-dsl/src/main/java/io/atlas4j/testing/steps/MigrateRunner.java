package io.atlas4j.testing.steps;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.apply.PreMigrationChecks;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate { to = "<version>" }}: applies the migration files after the case's current version up
 * to and including {@code to}, statement by statement. The first step starts from the empty database.
 */
final class MigrateRunner implements StepRunner<Step.Migrate> {

    @Override
    public void run(Step.Migrate step, StepContext context) throws StepFailedException {
        if (context.migrations() == null) {
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                    "migrate steps run only in test \"migrate\" cases, with a migration directory", null, null, null));
        }
        List<MigrationFile> files;
        try {
            files = context.migrations().filesUpTo(step.to());
        } catch (Atlas4jException e) {
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR, e.getMessage(), null, null, e));
        }
        String current = context.version();
        if (current != null && MigrationFile.STRING_ORDER.compare(step.to(), current) < 0) {
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                    "cannot migrate down from " + current + " to " + step.to(), null, null, null));
        }
        for (MigrationFile file : files) {
            if (current != null && MigrationFile.STRING_ORDER.compare(file.version(), current) <= 0) {
                continue;
            }
            checks(step, context, file);
            for (SqlStatement statement : context.dialect().split(SqlScript.of(file.uri(), file.upText()))) {
                try {
                    SqlRunner.execute(context, statement);
                } catch (SQLException e) {
                    Failure failure = SqlRunner.error(context, step.range(), e);
                    throw new StepFailedException(new Failure(failure.at(), failure.kind(),
                            file.name() + ":" + statement.range().line() + ": " + failure.message(), null, null, e));
                }
            }
            context.version(file.version());
        }
        context.version(step.to());
    }

    /** A txtar file's pre-migration checks run before its statements, as {@code migrate apply} runs them. */
    private static void checks(Step.Migrate step, StepContext context, MigrationFile file) throws StepFailedException {
        if (file.checks().isEmpty()) {
            return;
        }
        Optional<PreMigrationChecks.Failure> failed = PreMigrationChecks.run(context.connection(), file, context.dialect());
        if (failed.isPresent()) {
            PreMigrationChecks.Failure f = failed.get();
            String line = f.at() == null ? "" : ":" + f.at().range().line();
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                    file.name() + line + ": pre-migration check " + f.check() + " failed: " + f.message(),
                    null, null, f.cause()));
        }
    }
}
