package io.atlas4j.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationFileTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "20240613061102_add_users.sql | 20240613061102 | add_users",
        "1.sql                        | 1              | ''",
        "2.10.x-20_description.sql    | 2.10.x-20      | description",
        "1_initial.up.sql             | 1              | initial.up",
        "3_a_b.sql                    | 3              | a_b",
    })
    void versionIsBeforeTheFirstUnderscore(String name, String version, String description) {
        MigrationFile file = MigrationFile.of(name, "");

        assertThat(file.version()).isEqualTo(version);
        assertThat(file.description()).isEqualTo(description);
        assertThat(MigrationFile.versionOf(name)).isEqualTo(version);
    }

    @Test
    void namesSortByteWiseNotNumerically() {
        List<MigrationFile> files = new ArrayList<>(List.of(
                MigrationFile.of("9_a.sql", ""), MigrationFile.of("10_b.sql", ""), MigrationFile.of("1_c.sql", "")));

        files.sort(MigrationFile.ORDER);

        assertThat(files).extracting(MigrationFile::name).containsExactly("10_b.sql", "1_c.sql", "9_a.sql");
    }

    @Test
    void stringOrderComparesUtf8Bytes() {
        // In UTF-16 U+FF5E (0xFF5E) sorts after U+1F600 (high surrogate 0xD83D); in UTF-8 it sorts before
        // (EF BD 9E < F0 9F 98 80). Go compares bytes, so Atlas orders such names the UTF-8 way.
        String fullwidth = "\uFF5E";
        String emoji = "\uD83D\uDE00";

        assertThat(fullwidth.compareTo(emoji)).isPositive();
        assertThat(MigrationFile.STRING_ORDER.compare(fullwidth, emoji)).isNegative();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'-- atlas:sum ignore\nb'    | true",
        "'# atlas:sum ignore\nb'     | true",
        "'atlas:sum ignore'          | true",
        "'-- atlas:sum  ignore\r\nb' | true",
        "'-- atlas:sum ignored\nb'   | false",
        "'-- atlas:sum\nb'           | false",
        "'b\n-- atlas:sum ignore'    | false",
        "'-- atlas:nolint\nb'        | false",
    })
    void sumIgnoreIsRecognisedOnLineOneOnly(String content, boolean ignored) {
        assertThat(MigrationFile.of("1.sql", content).sumIgnored()).isEqualTo(ignored);
    }

    @Test
    void headerDirectivesNeedABlankLine() {
        MigrationFile header = MigrationFile.of("1.sql", "-- atlas:txmode none\n-- atlas:nolint DS102 destructive\n\nCREATE INDEX i ON t (c);\n");
        MigrationFile noBlank = MigrationFile.of("2.sql", "-- atlas:txmode none\nCREATE INDEX i ON t (c);\n");
        MigrationFile onlyComments = MigrationFile.of("3.sql", "-- atlas:checkpoint v1\n");

        assertThat(header.directives()).containsExactly(
                new Directive("-- ", "txmode", "none"), new Directive("-- ", "nolint", "DS102 destructive"));
        assertThat(header.directives("nolint").get(0).argumentList()).containsExactly("DS102", "destructive");
        assertThat(noBlank.directives()).isEmpty();
        assertThat(onlyComments.isCheckpoint()).isTrue();
        assertThat(header.isCheckpoint()).isFalse();
    }

    @Test
    void txtarDirectiveIsRecognised() {
        MigrationFile file = MigrationFile.of("1.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT true;\n\n-- migration.sql --\nDROP TABLE t;\n");

        assertThat(file.isTxtar()).isTrue();
    }

    @Test
    void delimiterDirectiveNeedsTheExactPrefixOnLineOne() {
        assertThat(MigrationFile.of("1.sql", "-- atlas:delimiter \\n\\n\nSELECT 1\n\nSELECT 2").delimiter()).contains("\n\n");
        assertThat(MigrationFile.of("1.sql", "--atlas:delimiter //\nSELECT 1//").delimiter()).isEmpty();
        assertThat(MigrationFile.of("1.sql", "SELECT 1;\n-- atlas:delimiter //\n").delimiter()).isEmpty();
    }

    @Test
    void statementsHonourTheDelimiterDirective() {
        MigrationFile file = MigrationFile.of("1.sql", "-- atlas:delimiter \\n\\n\nCREATE TABLE a(id int)\n\nCREATE TABLE b(id int)\n");

        List<SqlStatement> statements = file.statements(SplitRules.SQLITE);

        assertThat(statements).extracting(SqlStatement::text)
                .containsExactly("CREATE TABLE a(id int)", "CREATE TABLE b(id int)");
        assertThat(statements.get(0).range().uri().toString()).isEqualTo("file:1.sql");
    }

    @Test
    void contentIsCopiedAndComparedByValue() {
        byte[] bytes = {'a'};
        MigrationFile file = new MigrationFile("1.sql", bytes, null);
        bytes[0] = 'b';

        assertThat(file.text()).isEqualTo("a");
        assertThat(file).isEqualTo(MigrationFile.of("1.sql", "a")).hasSameHashCodeAs(MigrationFile.of("1.sql", "a"));
        assertThat(file).isNotEqualTo(MigrationFile.of("1.sql", "b"));
    }
}
