package io.atlas4j.plan;

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
}
