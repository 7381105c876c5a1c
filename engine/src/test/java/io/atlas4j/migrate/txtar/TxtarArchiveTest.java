package io.atlas4j.migrate.txtar;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.format.DirFormat;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TxtarArchiveTest {

    private static final String FILE = String.join("\n",
            "-- atlas:txtar",                                    // 1
            "",                                                  // 2
            "-- checks/users.sql --",                            // 3
            "SELECT NOT EXISTS (SELECT 1 FROM internal_users);", // 4
            "SELECT NOT EXISTS (SELECT 1 FROM external_users);", // 5
            "",                                                  // 6
            "-- checks/roles.sql --",                            // 7
            "-- atlas:assert oneof",                             // 8
            "-- At least one must hold.",                        // 9
            "SELECT NOT EXISTS (SELECT 1 FROM roles);",          // 10
            "SELECT NOT EXISTS (SELECT 1 FROM user_roles);",     // 11
            "",                                                  // 12
            "-- migration.sql --",                               // 13
            "-- Drop the tables.",                               // 14
            "DROP TABLE internal_users;",                        // 15
            "DROP TABLE roles;",                                 // 16
            "",                                                  // 17
            "-- down.sql --",                                    // 18
            "CREATE TABLE roles (id int);",                      // 19
            "");

    private static List<SqlStatement> split(MigrationFile file, String text) {
        return StatementSplitter.split(SqlScript.of(file.uri(), text), SplitRules.SQLITE);
    }

    @Test
    void membersInOrder() {
        TxtarArchive archive = TxtarArchive.parse(FILE);

        assertThat(archive.members()).extracting(TxtarArchive.Member::name)
                .containsExactly("checks/users.sql", "checks/roles.sql", "migration.sql", "down.sql");
        assertThat(archive.members()).extracting(TxtarArchive.Member::markerLine).containsExactly(3, 7, 13, 18);
        assertThat(archive.checkMembers()).extracting(TxtarArchive.Member::name)
                .containsExactly("checks/users.sql", "checks/roles.sql");
        assertThat(archive.text(archive.member("down.sql").orElseThrow())).isEqualTo("CREATE TABLE roles (id int);\n");
    }

    @Test
    void upTextIsOnlyTheMigrationWithItsLines() {
        MigrationFile file = MigrationFile.of("2_drop.sql", FILE);

        List<SqlStatement> statements = split(file, file.upText());

        assertThat(file.isTxtar()).isTrue();
        assertThat(statements).extracting(SqlStatement::text).containsExactly("DROP TABLE internal_users", "DROP TABLE roles");
        assertThat(statements).extracting(s -> s.range().line()).containsExactly(15, 16);
        assertThat(file.statements(SplitRules.SQLITE)).extracting(s -> s.range().line()).containsExactly(15, 16);
        assertThat(file.upText()).doesNotContain("SELECT", "CREATE TABLE roles").startsWith("-- atlas:txtar\n");
        assertThat(file.upSql().parts()).hasSize(1);
        assertThat(file.upText().lines().count()).isEqualTo(16);
    }

    @Test
    void checksHavePolicyAndPositions() {
        MigrationFile file = MigrationFile.of("2_drop.sql", FILE);

        List<CheckFile> checks = file.checks();

        assertThat(checks).extracting(CheckFile::name).containsExactly("checks/users.sql", "checks/roles.sql");
        assertThat(checks).extracting(CheckFile::policy).containsExactly(CheckFile.Policy.ALL, CheckFile.Policy.ONE_OF);
        assertThat(checks).extracting(CheckFile::line).containsExactly(4, 8);
        List<SqlStatement> users = checks.get(0).statements(file.uri(), SplitRules.SQLITE);
        assertThat(users).extracting(SqlStatement::text).containsExactly(
                "SELECT NOT EXISTS (SELECT 1 FROM internal_users)", "SELECT NOT EXISTS (SELECT 1 FROM external_users)");
        assertThat(users).extracting(s -> s.range().line()).containsExactly(4, 5);
        assertThat(checks.get(1).statements(file.uri(), SplitRules.SQLITE)).extracting(s -> s.range().line())
                .containsExactly(10, 11);
    }

    @Test
    void checksDotSqlIsACheckFile_otherMembersAreNot() {
        TxtarArchive archive = TxtarArchive.parse("-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\n-- checks/.sql --\n"
                + "-- checks/a.txt --\n-- checksum.sql --\n-- migration.sql --\nSELECT 2;\n");

        assertThat(archive.checkMembers()).extracting(TxtarArchive.Member::name).containsExactly("checks.sql");
    }

    @Test
    void headerDirectivesStayInTheScripts() {
        MigrationFile file = MigrationFile.of("3.sql", "-- atlas:delimiter //\n-- atlas:txtar\n\n-- checks.sql --\n"
                + "SELECT 1//\n-- migration.sql --\nCREATE TABLE a (id int);\nCREATE TABLE b (id int)//\n");

        assertThat(file.delimiter()).contains("//");
        assertThat(split(file, file.upText())).extracting(SqlStatement::text)
                .containsExactly("CREATE TABLE a (id int);\nCREATE TABLE b (id int)");
        assertThat(file.checks().get(0).statements(file.uri(), SplitRules.SQLITE)).extracting(SqlStatement::text)
                .containsExactly("SELECT 1");
    }

    @Test
    void withoutMigrationMemberNothingIsExecuted() {
        MigrationFile file = MigrationFile.of("1.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\n");

        assertThat(file.upSql().parts()).isEmpty();
        assertThat(file.upText()).isEmpty();
        assertThat(file.checks()).hasSize(1);
    }

    @Test
    void notATxtarFile() {
        MigrationFile noBlank = MigrationFile.of("1.sql", "-- atlas:txtar\n-- migration.sql --\nSELECT 1;\n");
        MigrationFile goose = MigrationFile.of("1.sql", "-- atlas:txtar\n\n-- +goose Up\nSELECT 1;\n", DirFormat.GOOSE);

        assertThat(noBlank.isTxtar()).isFalse();
        assertThat(noBlank.checks()).isEmpty();
        assertThat(noBlank.upText()).isEqualTo(noBlank.text());
        assertThat(goose.isTxtar()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'-- atlas:assert oneof\nSELECT 1;'                  | ONE_OF",
        "'\n-- a comment\n-- atlas:assert  oneof\nSELECT 1;' | ONE_OF",
        "'-- atlas:assert DS102\nSELECT 1;'                  | ALL",
        "'SELECT 1;\n-- atlas:assert oneof\nSELECT 2;'       | ALL",
        "'SELECT 1;'                                         | ALL",
    })
    void policy(String text, CheckFile.Policy policy) {
        assertThat(CheckFile.Policy.of(text)).isEqualTo(policy);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'-- checks.sql --'     | checks.sql",
        "'--  a b  --'          | a b",
        "'-- m.sql --\r'        | m.sql",
        "'-- atlas:txtar'       | ''",
        "'--checks.sql--'       | ''",
        "'-- --'                | ''",
        "'SELECT 1; -- x --'    | ''",
    })
    void markers(String line, String name) {
        assertThat(TxtarArchive.markerName(line).orElse("")).isEqualTo(name);
    }

    @Test
    void sumHashesTheRawArchive() {
        MigrationFile txtar = MigrationFile.of("1.sql", FILE);
        MigrationFile other = MigrationFile.of("1.sql", FILE.replace("SELECT NOT EXISTS (SELECT 1 FROM roles);", "SELECT 1;"));

        assertThat(txtar.upText()).isEqualTo(other.upText());
        assertThat(io.atlas4j.migrate.SumFile.of(List.of(txtar)).total())
                .isNotEqualTo(io.atlas4j.migrate.SumFile.of(List.of(other)).total());
    }
}
