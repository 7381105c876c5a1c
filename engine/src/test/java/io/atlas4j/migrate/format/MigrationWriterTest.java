package io.atlas4j.migrate.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.SumFile;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlannedStatement;
import io.atlas4j.schema.Table;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationWriterTest {

    private static final String V = "20240613061102";

    private static final SchemaChange CHANGE = new SchemaChange.AddTable("public", Table.of("users"));

    /** Two statements with reverses, one without (left out of down parts), as a planner would give them. */
    private static final Plan PLAN = new Plan("add_users", true, List.of(
            new PlannedStatement("CREATE TABLE `users` (`id` int NOT NULL)", "create \"users\" table",
                    List.of("DROP TABLE `users`"), true, CHANGE),
            new PlannedStatement("INSERT INTO `users` VALUES (1)", "", List.of(), true, CHANGE),
            new PlannedStatement("CREATE INDEX `i` ON `users` (`id`)", "create index \"i\" to table: \"users\"",
                    List.of("DROP INDEX `i`", "SELECT 1"), true, CHANGE)),
            List.of());

    static Stream<Arguments> goldenFiles() {
        String up = "-- create \"users\" table\n"
                + "CREATE TABLE `users` (`id` int NOT NULL);\n"
                + "INSERT INTO `users` VALUES (1);\n"
                + "-- create index \"i\" to table: \"users\"\n"
                + "CREATE INDEX `i` ON `users` (`id`);\n";
        String down = "-- reverse: create index \"i\" to table: \"users\"\n"
                + "DROP INDEX `i`;\n"
                + "SELECT 1;\n"
                + "-- reverse: create \"users\" table\n"
                + "DROP TABLE `users`;\n";
        return Stream.of(
                Arguments.of(DirFormat.ATLAS, files(V + "_add_users.sql",
                        "-- Create \"users\" table\n"
                                + "CREATE TABLE `users` (`id` int NOT NULL);\n"
                                + "INSERT INTO `users` VALUES (1);\n"
                                + "-- Create index \"i\" to table: \"users\"\n"
                                + "CREATE INDEX `i` ON `users` (`id`);\n")),
                Arguments.of(DirFormat.GOLANG_MIGRATE, files(V + "_add_users.up.sql", up, V + "_add_users.down.sql", down)),
                Arguments.of(DirFormat.GOOSE, files(V + "_add_users.sql",
                        "-- +goose Up\n" + up + "\n-- +goose Down\n" + down)),
                Arguments.of(DirFormat.DBMATE, files(V + "_add_users.sql",
                        "-- migrate:up\n" + up + "\n-- migrate:down\n" + down)),
                Arguments.of(DirFormat.FLYWAY, files("V" + V + "__add_users.sql", up, "U" + V + "__add_users.sql", down)),
                Arguments.of(DirFormat.LIQUIBASE, files(V + "_add_users.sql",
                        "--liquibase formatted sql\n"
                                + "--changeset atlas:" + V + "-1\n"
                                + "--comment: create \"users\" table\n"
                                + "CREATE TABLE `users` (`id` int NOT NULL);\n"
                                + "--rollback: DROP TABLE `users`;\n"
                                + "\n"
                                + "--changeset atlas:" + V + "-2\n"
                                + "\n"
                                + "INSERT INTO `users` VALUES (1);\n"
                                + "\n"
                                + "\n"
                                + "--changeset atlas:" + V + "-3\n"
                                + "--comment: create index \"i\" to table: \"users\"\n"
                                + "CREATE INDEX `i` ON `users` (`id`);\n"
                                + "--rollback: DROP INDEX `i`;\n"
                                + "--rollback: SELECT 1;\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void writesEachFormatAsAtlasDoes(DirFormat format, Map<String, String> expected) {
        List<GeneratedFile> files = MigrationWriter.files(format, PLAN, V, "add_users");

        assertThat(files).extracting(GeneratedFile::name).containsExactlyElementsOf(expected.keySet());
        for (GeneratedFile f : files) {
            assertThat(f.content()).as(f.name()).isEqualTo(expected.get(f.name()));
        }
    }

    @Test
    void m34_golangMigrateDiffWritesUpAndDownFiles() {
        Plan plan = new Plan("first", true, List.of(new PlannedStatement("CREATE TABLE `users` (`id` int NOT NULL)",
                "create \"users\" table", List.of("DROP TABLE `users`"), true, CHANGE)), List.of());

        List<GeneratedFile> files = MigrationWriter.files(DirFormat.GOLANG_MIGRATE, plan, V, "first");

        assertThat(files).containsExactly(
                new GeneratedFile(V + "_first.up.sql", "-- create \"users\" table\nCREATE TABLE `users` (`id` int NOT NULL);\n"),
                new GeneratedFile(V + "_first.down.sql", "-- reverse: create \"users\" table\nDROP TABLE `users`;\n"));
    }

    @Test
    void m33_atlasFileMatchesTheSpecExample() {
        Plan plan = new Plan("", true, List.of(new PlannedStatement("CREATE TABLE `users` (`id` int NOT NULL)",
                "create \"users\" table", List.of("DROP TABLE `users`"), true, CHANGE)), List.of());

        assertThat(MigrationWriter.files(DirFormat.ATLAS, plan, V, null)).containsExactly(
                new GeneratedFile(V + ".sql", "-- Create \"users\" table\nCREATE TABLE `users` (`id` int NOT NULL);\n"));
    }

    @Test
    void atlasHeaderPutsTheDelimiterDirectiveFirstAndEndsStatementsWithIt() {
        Plan plan = new Plan("", false, List.of(
                new PlannedStatement("CREATE INDEX CONCURRENTLY i ON t (c)", "create index \"i\" to table: \"t\"",
                        List.of(), false, CHANGE)),
                List.of("atlas:txmode none", "atlas:delimiter -- end"));

        assertThat(MigrationWriter.files(DirFormat.ATLAS, plan, "1", "x").get(0).content()).isEqualTo(
                "-- atlas:delimiter -- end\n-- atlas:txmode none\n\n"
                        + "-- Create index \"i\" to table: \"t\"\nCREATE INDEX CONCURRENTLY i ON t (c)-- end\n");
    }

    static Stream<Arguments> emptyFiles() {
        return Stream.of(
                Arguments.of(DirFormat.ATLAS, files(V + ".sql", "")),
                Arguments.of(DirFormat.GOLANG_MIGRATE, files(V + ".up.sql", "", V + ".down.sql", "")),
                Arguments.of(DirFormat.GOOSE, files(V + ".sql", "-- +goose Up\n\n-- +goose Down\n")),
                Arguments.of(DirFormat.DBMATE, files(V + ".sql", "-- migrate:up\n\n-- migrate:down\n")),
                Arguments.of(DirFormat.FLYWAY, files("V" + V + ".sql", "", "U" + V + ".sql", "")),
                Arguments.of(DirFormat.LIQUIBASE, files(V + ".sql", "--liquibase formatted sql")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyFiles")
    void m35_emptyPlanGivesTheFormatsEmptyFiles(DirFormat format, Map<String, String> expected) {
        List<GeneratedFile> files = MigrationWriter.files(format, new Plan("", true, List.of(), List.of()), V, "");

        assertThat(files).extracting(GeneratedFile::name).containsExactlyElementsOf(expected.keySet());
        files.forEach(f -> assertThat(f.content()).as(f.name()).isEqualTo(expected.get(f.name())));
    }

    @ParameterizedTest
    @EnumSource(DirFormat.class)
    void writtenFilesReadBackAsTheirUpStatementsWithASum(DirFormat format, @TempDir Path dir) throws Exception {
        MigrationDir written = MigrationWriter.write(dir, format, MigrationWriter.files(format, PLAN, V, "add_users"));

        assertThat(written.files()).hasSize(1);
        MigrationFile file = written.files().get(0);
        assertThat(file.version()).isEqualTo(V);
        assertThat(file.description()).isEqualTo("add_users");
        assertThat(file.statements(SplitRules.GENERIC)).extracting(SqlStatement::text).containsExactly(
                "CREATE TABLE `users` (`id` int NOT NULL)", "INSERT INTO `users` VALUES (1)",
                "CREATE INDEX `i` ON `users` (`id`)");
        String sum = Files.readString(dir.resolve(SumFile.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(sum).isEqualTo(SumFile.of(List.of(file)).render()).contains(file.name() + " h1:");
        written.validate();
    }

    @Test
    void nowIsTheUtcTimestampVersion() {
        Clock clock = Clock.fixed(Instant.parse("2022-08-11T07:41:44Z"), ZoneId.of("Europe/Berlin"));

        assertThat(MigrationWriter.now(clock)).isEqualTo("20220811074144");
    }

    private static Map<String, String> files(String... nameAndContent) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            m.put(nameAndContent[i], nameAndContent[i + 1]);
        }
        return m;
    }
}
