package io.atlas4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {

    private static Plan plan(List<String> directives, PlannedStatement... statements) {
        return new Plan("p", true, List.of(statements), directives);
    }

    private static PlannedStatement stmt(String sql, String comment, String... reverse) {
        return new PlannedStatement(sql, comment, List.of(reverse), true, null);
    }

    @Test
    void statementsAreCommentedAndTerminated() {
        Plan p = plan(List.of(), stmt("CREATE TABLE \"t\" (\"id\" int)", "create \"t\" table"), stmt("DROP TABLE \"u\"", ""));
        assertThat(new PlanPrinter().statements(p))
                .isEqualTo("-- Create \"t\" table\nCREATE TABLE \"t\" (\"id\" int);\nDROP TABLE \"u\";\n");
    }

    @Test
    void applyFormHasTheHeaderOrTheSyncedMessage() {
        Plan p = plan(List.of(), stmt("CREATE TABLE \"t\" (\n  \"id\" int\n)", "create \"t\" table"));
        assertThat(new PlanPrinter().apply(p))
                .isEqualTo("-- Planned Changes:\n-- Create \"t\" table\nCREATE TABLE \"t\" (\n  \"id\" int\n);\n");
        assertThat(new PlanPrinter().apply(plan(List.of()))).isEqualTo("Schema is synced, no changes to be made\n");
    }
}
