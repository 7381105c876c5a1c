package io.atlas4j.testing;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.testdsl.CaseScope;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testing.steps.Deadline;
import io.atlas4j.testing.steps.StepContext;
import io.atlas4j.testing.steps.StepFailedException;
import io.atlas4j.testing.steps.StepRunners;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the steps of one case on a prepared connection: in order, the first failure ends the case, then
 * the registered cleanups in reverse order, whatever happened.
 */
final class CaseExecutor {

    private final TestConfig config;

    CaseExecutor(TestConfig config) {
        this.config = config;
    }

    /** Runs a case that has no migration directory (schema cases, parallel groups). */
    CaseResult execute(TestCase testCase, CaseScope scope, Connection connection, Dialect dialect, CaseListener listener) {
        return execute(testCase, scope, connection, dialect, null, null, listener);
    }

    /**
     * @param migrations the migration directory {@code migrate} steps apply from, or null
     * @param startVersion the version the connection's database is already at (the target of the case's
     *     first {@code migrate} step, prepared from a cache), or null for the empty database
     */
    CaseResult execute(TestCase testCase, CaseScope scope, Connection connection, Dialect dialect,
                       MigrationDir migrations, String startVersion, CaseListener listener) {
        List<Step> steps;
        try {
            steps = testCase.steps(scope);
        } catch (DiagnosticException e) {
            Failure failure = new Failure(e.diagnostics().get(0).range(), Failure.Kind.ERROR,
                    e.diagnostics().get(0).message(), null, null, e);
            return failed(testCase, Duration.ZERO, List.of(new ReportLine.Error(failure.at(), failure.message())), failure);
        }
        StepContext context = new StepContext(connection, dialect, config.workingDir(), config.strictOutput(),
                line -> listener.logged(testCase, line));
        context.migrations(migrations);
        if (startVersion != null) {
            if (steps.isEmpty() || !(steps.get(0) instanceof Step.Migrate migrate) || !migrate.to().equals(startVersion)) {
                // The steps were planned with a placeholder scope; a first version that depends on the real
                // one cannot be served from the cache, and running on the wrong state would lie.
                Failure failure = new Failure(testCase.range(), Failure.Kind.SETUP, "unexpected error during test setup: "
                        + "the first migrate step changed its version once the case's scope was known", null, null, null);
                return failed(testCase, Duration.ZERO, List.of(new ReportLine.Error(failure.at(), failure.message())), failure);
            }
            context.version(startVersion);
        }
        long start = System.nanoTime();
        if (config.timeout() != null) {
            context.deadline(Deadline.after(config.timeout()));
        }
        Failure first = null;
        for (Step step : steps) {
            try {
                StepRunners.run(step, context);
            } catch (StepFailedException e) {
                first = e.failure();
                context.error(first);
                break;
            } catch (Atlas4jException e) {
                first = new Failure(step.range(), Failure.Kind.ERROR, e.getMessage(), null, null, e);
                context.error(first);
                break;
            }
        }
        if (config.timeout() != null) {
            // Cleanups undo what the case did; they get a budget of their own even after a timeout.
            context.deadline(Deadline.after(config.timeout()));
        }
        for (Step.Cleanup cleanup : context.cleanupsInReverse()) {
            try {
                StepRunners.runCleanup(cleanup, context);
            } catch (StepFailedException e) {
                context.error(e.failure());
                if (first == null) {
                    first = e.failure();
                }
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (first != null) {
            return failed(testCase, duration, context.lines(), first);
        }
        return new CaseResult(testCase, CaseResult.Status.PASSED, duration, context.lines(), Optional.empty());
    }

    /** The result of a case whose database could not be prepared: {@code 0µs}, at the test block. */
    static CaseResult setupFailed(TestCase testCase, String cause, Throwable exception) {
        Failure failure = new Failure(testCase.range(), Failure.Kind.SETUP,
                "unexpected error during test setup: " + cause, null, null, exception);
        return failed(testCase, Duration.ZERO, List.of(new ReportLine.Error(failure.at(), failure.message())), failure);
    }

    static CaseResult skipped(TestCase testCase) {
        return new CaseResult(testCase, CaseResult.Status.SKIPPED, Duration.ZERO, List.of(), Optional.empty());
    }

    private static CaseResult failed(TestCase testCase, Duration duration, List<ReportLine> lines, Failure failure) {
        return new CaseResult(testCase, CaseResult.Status.FAILED, duration, new ArrayList<>(lines), Optional.of(failure));
    }
}
