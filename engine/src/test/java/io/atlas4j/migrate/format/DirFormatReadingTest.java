package io.atlas4j.migrate.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.ChecksumMismatchException;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.SumFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DirFormatReadingTest {

    @TempDir
    Path dir;

    static Stream<Arguments> directories() {
        return Stream.of(
                Arguments.of("atlas", List.of("2.sql", "1_a.sql", "10_b.sql", "notes.txt", "x.sql.bak"),
                        List.of("10_b.sql", "1_a.sql", "2.sql"), List.of("10", "1", "2"), List.of("b", "a", "")),
                Arguments.of("golang-migrate",
                        List.of("1_init.up.sql", "1_init.down.sql", "2_add_users.up.sql", "2_add_users.down.sql", "README.md"),
                        List.of("1_init.up.sql", "2_add_users.up.sql"), List.of("1", "2"), List.of("init", "add_users")),
                Arguments.of("flyway",
                        List.of("V1__init.sql", "V1.10__ten.sql", "V1.9__nine.sql", "V2.sql", "U2.sql", "R__views.sql",
                                "V10__big_one.sql", "V1_5__underscored.sql", "init.sql"),
                        List.of("V1__init.sql", "V1_5__underscored.sql", "V1.9__nine.sql", "V1.10__ten.sql", "V2.sql",
                                "V10__big_one.sql"),
                        List.of("1", "1.5", "1.9", "1.10", "2", "10"), List.of("init", "underscored", "nine", "ten", "", "big_one")),
                Arguments.of("flyway", List.of("V1__a.sql", "V2__b.sql", "B2__base.sql", "V3__c.sql", "U3__c.sql"),
                        List.of("B2__base.sql", "V3__c.sql"), List.of("2", "3"), List.of("base", "c")),
                Arguments.of("goose", List.of("20230102_b.sql", "20230101_a.sql", "x.go"),
                        List.of("20230101_a.sql", "20230102_b.sql"), List.of("20230101", "20230102"), List.of("a", "b")),
                Arguments.of("dbmate", List.of("20230102_b.sql", "20230101_a.sql"),
                        List.of("20230101_a.sql", "20230102_b.sql"), List.of("20230101", "20230102"), List.of("a", "b")),
                Arguments.of("liquibase", List.of("2_second.sql", "1_initial.sql", "changelog.xml"),
                        List.of("1_initial.sql", "2_second.sql"), List.of("1", "2"), List.of("initial", "second")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("directories")
    void listsTheFormatsMigrationsInOrderAndSumsOnlyThem(String format, List<String> present, List<String> names,
            List<String> versions, List<String> descriptions) throws IOException {
        for (String name : present) {
            write(name, "-- " + name + "\nSELECT 1;\n");
        }
        Files.createDirectory(dir.resolve("sub.sql"));

        MigrationDir d = MigrationDir.open("file://" + dir.getFileName() + "?format=" + format, dir.getParent());

        assertThat(d.format().id()).isEqualTo(format);
        assertThat(d.files()).extracting(MigrationFile::name).containsExactlyElementsOf(names);
        assertThat(d.files()).extracting(MigrationFile::version).containsExactlyElementsOf(versions);
        assertThat(d.files()).extracting(MigrationFile::description).containsExactlyElementsOf(descriptions);
        assertThat(d.checksum().entries()).extracting(SumFile.Entry::name).containsExactlyElementsOf(names);
    }

    @Test
    void golangMigrateSumIgnoresDownFilesButNotUpFiles() throws IOException {
        write("1_init.up.sql", "CREATE TABLE a (id int);\n");
        write("1_init.down.sql", "DROP TABLE a;\n");
        MigrationDir.open(dir, DirFormat.GOLANG_MIGRATE).writeSumFile();

        write("1_init.down.sql", "DROP TABLE IF EXISTS a;\n");
        MigrationDir.open(dir, DirFormat.GOLANG_MIGRATE).validate();

        write("1_init.up.sql", "CREATE TABLE a (id bigint);\n");
        assertThatThrownBy(() -> MigrationDir.open(dir, DirFormat.GOLANG_MIGRATE).validate())
                .isInstanceOf(ChecksumMismatchException.class).hasMessage("checksum mismatch");
    }

    @Test
    void sumOfAFormatIsTheAtlasSumOfItsMigrationFiles() throws IOException {
        write("1_init.up.sql", "CREATE TABLE a (id int);\n");
        write("1_init.down.sql", "DROP TABLE a;\n");
        write("2_b.up.sql", "CREATE TABLE b (id int);\n");

        SumFile sum = MigrationDir.open(dir, DirFormat.GOLANG_MIGRATE).checksum();

        // The same bytes under the same names in an Atlas directory hash the same: the sum is format-blind.
        Path atlas = Files.createDirectory(dir.resolve("atlas"));
        Files.copy(dir.resolve("1_init.up.sql"), atlas.resolve("1_init.up.sql"));
        Files.copy(dir.resolve("2_b.up.sql"), atlas.resolve("2_b.up.sql"));
        assertThat(sum.render()).isEqualTo(MigrationDir.open(atlas).checksum().render());
        assertThat(sum.entries()).hasSize(2);
    }

    @Test
    void flywayFilesUpToComparesVersionsNumerically() throws IOException {
        write("V1__a.sql", "SELECT 1;");
        write("V2__b.sql", "SELECT 2;");
        write("V10__c.sql", "SELECT 10;");

        MigrationDir d = MigrationDir.open(dir, DirFormat.FLYWAY);

        assertThat(d.filesUpTo("2")).extracting(MigrationFile::name).containsExactly("V1__a.sql", "V2__b.sql");
    }

    @ParameterizedTest
    @CsvSource({"atlas,ATLAS", "flyway,FLYWAY", "golang-migrate,GOLANG_MIGRATE", "goose,GOOSE", "dbmate,DBMATE",
            "liquibase,LIQUIBASE"})
    void parsesFormatNames(String id, DirFormat expected) {
        assertThat(DirFormat.of(id)).isEqualTo(expected);
        assertThat(expected.id()).isEqualTo(id);
        assertThat(MigrationDir.formatOf("file://migrations?format=" + id)).isEqualTo(expected);
    }

    @Test
    void urlWithoutFormatIsAtlas() {
        assertThat(MigrationDir.formatOf("file://migrations")).isEqualTo(DirFormat.ATLAS);
        assertThat(MigrationDir.open("file://.", dir).format()).isEqualTo(DirFormat.ATLAS);
    }

    @ParameterizedTest
    @CsvSource({"golang_migrate", "Flyway", "''", "sqitch"})
    void unknownFormatIsAConfigurationErrorNamingTheValidOnes(String id) {
        assertThatThrownBy(() -> MigrationDir.open("file://.?format=" + id, dir))
                .isInstanceOfSatisfying(Atlas4jException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e).hasMessage("migration directory file://.?format=" + id
                            + ": unknown migration directory format \"" + id + "\"");
                    assertThat(e.hint()).isEqualTo("use one of: atlas, flyway, golang-migrate, goose, dbmate, liquibase");
                });
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
