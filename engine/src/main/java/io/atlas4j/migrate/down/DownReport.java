package io.atlas4j.migrate.down;

import io.atlas4j.plan.PlannedStatement;
import java.time.Duration;
import java.util.List;

/**
 * What {@code migrate down} did (or, in a dry run, would do), rendered as Atlas prints it.
 *
 * @param from the version the database was at
 * @param to the version it is at afterwards (null: no version left)
 * @param steps one step per reverted version, newest first
 * @param elapsed the whole run
 * @param dryRun whether nothing was executed
 */
public record DownReport(String from, String to, List<Step> steps, Duration elapsed, boolean dryRun) {

    /**
     * One reverted version.
     *
     * @param version the version reverted
     * @param checks the pre-migration checks that ran before it
     * @param statements the statements that revert it
     * @param elapsed how long it took
     * @param checksElapsed how long the checks took
     */
    public record Step(String version, List<String> checks, List<PlannedStatement> statements, Duration elapsed,
            Duration checksElapsed) {
        public Step {
            checks = List.copyOf(checks);
            statements = List.copyOf(statements);
        }

        /** A step whose checks took no measured time. */
        public Step(String version, List<String> checks, List<PlannedStatement> statements, Duration elapsed) {
            this(version, checks, statements, elapsed, Duration.ZERO);
        }
    }

    public DownReport {
        steps = List.copyOf(steps);
    }

    /** The report text. */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (steps.isEmpty()) {
            return "No migration to revert\n";
        }
        out.append("Migrating down from version ").append(from).append(" to ")
                .append(to == null ? "the empty state" : to).append(" (").append(steps.size())
                .append(steps.size() == 1 ? " migration" : " migrations").append(" in total):\n\n");
        int statements = 0;
        for (Step s : steps) {
            if (!s.checks().isEmpty()) {
                out.append("  -- checks before reverting version ").append(s.version()).append('\n');
                for (String c : s.checks()) {
                    out.append("    -> ").append(c).append('\n');
                }
                out.append("  -- ok (").append(format(s.checksElapsed())).append(")\n\n");
            }
            out.append("  -- reverting version ").append(s.version()).append('\n');
            for (PlannedStatement p : s.statements()) {
                out.append("    -> ").append(p.sql().replace("\n", "\n       ")).append('\n');
            }
            out.append(dryRun ? "  -- dry run\n\n" : "  -- ok (" + format(s.elapsed()) + ")\n\n");
            statements += s.statements().size();
        }
        out.append("  -------------------------\n");
        out.append("  -- ").append(format(elapsed)).append('\n');
        out.append("  -- ").append(steps.size()).append(steps.size() == 1 ? " migration\n" : " migrations\n");
        out.append("  -- ").append(statements).append(statements == 1 ? " sql statement\n" : " sql statements\n");
        return out.toString();
    }

    private static String format(Duration d) {
        return io.atlas4j.time.GoDuration.format(d);
    }
}
