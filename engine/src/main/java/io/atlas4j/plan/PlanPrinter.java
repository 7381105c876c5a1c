package io.atlas4j.plan;

import java.util.List;

/**
 * Prints plans as Atlas does (spec §4.11): each statement as a {@code -- <Comment>} line followed by the
 * statement and its delimiter.
 */
public final class PlanPrinter {

    /** The header of {@code schema apply} / {@code --dry-run} output. */
    public static final String APPLY_HEADER = "-- Planned Changes:";
    /** {@code schema apply} with nothing to do. */
    public static final String APPLY_SYNCED = "Schema is synced, no changes to be made";
    /** {@code schema diff} with nothing to do. */
    public static final String DIFF_SYNCED = "Schemas are synced, no changes to be made.";
    /** {@code migrate diff} with nothing to do. */
    public static final String MIGRATE_SYNCED =
            "The migration directory is synced with the desired state, no changes to be made";

    private final String delimiter;

    /** A printer ending statements with {@code delimiter} ({@code ;} normally). */
    public PlanPrinter(String delimiter) {
        this.delimiter = delimiter;
    }

    /** A printer using {@code ;}. */
    public PlanPrinter() {
        this(";");
    }

    /** Comment line + statement + delimiter per statement, each line ending with a newline ({@code schema diff}). */
    public String statements(Plan plan) {
        StringBuilder b = new StringBuilder();
        for (PlannedStatement s : plan.statements()) {
            if (!s.comment().isEmpty()) {
                b.append("-- ").append(s.displayComment()).append('\n');
            }
            b.append(s.sql()).append(delimiter).append('\n');
        }
        return b.toString();
    }

    /** {@code schema apply --dry-run} output: the {@code -- Planned Changes:} header, then the statements. */
    public String apply(Plan plan) {
        if (plan.isEmpty()) {
            return APPLY_SYNCED + "\n";
        }
        return APPLY_HEADER + "\n" + statements(plan);
    }

    /**
     * A migration file: one {@code -- <directive>} line per directive (and {@code atlas:delimiter} for a custom
     * delimiter), a blank line after them, then the statements.
     */
    public String migrationFile(Plan plan) {
        StringBuilder b = new StringBuilder();
        List<String> directives = plan.directives();
        boolean custom = !";".equals(delimiter) && directives.stream().noneMatch(d -> d.startsWith("atlas:delimiter"));
        for (String d : directives) {
            b.append("-- ").append(d).append('\n');
        }
        if (custom) {
            b.append("-- atlas:delimiter ").append(delimiter).append('\n');
        }
        if (!directives.isEmpty() || custom) {
            b.append('\n');
        }
        return b.append(statements(plan)).toString();
    }

    /**
     * The reverse statements (down migration): statements in reverse order, each group introduced by
     * {@code -- reverse: <Comment>}; statements without a reverse are left out.
     */
    public String reverse(Plan plan) {
        StringBuilder b = new StringBuilder();
        List<PlannedStatement> all = plan.statements();
        for (int i = all.size() - 1; i >= 0; i--) {
            PlannedStatement s = all.get(i);
            if (s.reverse().isEmpty()) {
                continue;
            }
            b.append("-- reverse: ").append(s.displayComment()).append('\n');
            for (String r : s.reverse()) {
                b.append(r).append(delimiter).append('\n');
            }
        }
        return b.toString();
    }
}
