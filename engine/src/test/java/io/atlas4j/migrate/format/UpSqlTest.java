package io.atlas4j.migrate.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.apply.FileStatements;
import io.atlas4j.sql.SplitRules;
import io.atlas4j.sql.SqlScript;
import io.atlas4j.sql.SqlStatement;
import io.atlas4j.sql.StatementSplitter;
import io.atlas4j.url.DatabaseUrl;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpSqlTest {

    /** A dialect that only splits, with the generic rules. */
    private static final Dialect GENERIC = new Dialect() {
        @Override
        public String name() {
            return "generic";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of();
        }

        @Override
        public Connection connect(DatabaseUrl url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SqlStatement> split(SqlScript script) {
            return StatementSplitter.split(script, SplitRules.GENERIC);
        }
    };

    // Split at every ';' by the generic rules: only a goose block or a no-split changeset keeps it whole.
    private static final String TRIGGER = "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW\nINSERT INTO b VALUES (1);\n"
            + "UPDATE c SET x = 1;";

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of(DirFormat.ATLAS, "1_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n",
                        "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n",
                        List.of("CREATE TABLE a (id int);", "INSERT INTO a VALUES (1);"), List.of(1, 2)),
                Arguments.of(DirFormat.GOLANG_MIGRATE, "1_a.up.sql", "CREATE TABLE a (id int);\n",
                        "CREATE TABLE a (id int);\n", List.of("CREATE TABLE a (id int);"), List.of(1)),
                Arguments.of(DirFormat.FLYWAY, "V1__a.sql", "-- c\nCREATE TABLE a (id int);\n",
                        "-- c\nCREATE TABLE a (id int);\n", List.of("CREATE TABLE a (id int);"), List.of(2)),
                Arguments.of(DirFormat.GOOSE, "1_a.sql",
                        "-- a goose file\n"
                                + "-- +goose Up\n"
                                + "CREATE TABLE a (id int);\n"
                                + "-- +goose StatementBegin\n"
                                + TRIGGER + "\n"
                                + "-- +goose StatementEnd\n"
                                + "-- +goose NO TRANSACTION\n"
                                + "INSERT INTO a VALUES (1);\n"
                                + "\n"
                                + "-- +goose Down\n"
                                + "DROP TABLE a;\n",
                        "CREATE TABLE a (id int);\n" + TRIGGER + "\nINSERT INTO a VALUES (1);\n",
                        List.of("CREATE TABLE a (id int);", TRIGGER, "INSERT INTO a VALUES (1);"), List.of(3, 5, 10)),
                Arguments.of(DirFormat.DBMATE, "1_a.sql",
                        "-- migrate:up transaction:false\n"
                                + "CREATE TABLE a (id int);\n"
                                + "\n"
                                + "INSERT INTO a VALUES (1);\n"
                                + "\n"
                                + "-- migrate:down\n"
                                + "DROP TABLE a;\n",
                        "CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n",
                        List.of("CREATE TABLE a (id int);", "INSERT INTO a VALUES (1);"), List.of(2, 4)),
                Arguments.of(DirFormat.LIQUIBASE, "1_a.sql",
                        "--liquibase formatted sql\n"
                                + "\n"
                                + "--changeset atlas:1-1\n"
                                + "--comment: create a\n"
                                + "CREATE TABLE a (id int);\n"
                                + "--rollback: DROP TABLE a;\n"
                                + "\n"
                                + "--changeset bob:2 splitStatements:false\n"
                                + TRIGGER + "\n"
                                + "--rollback DROP TRIGGER t;\n"
                                + "\n"
                                + "--changeset atlas:1-3\n"
                                + "INSERT INTO a VALUES (1);\n"
                                + "--rollback: DELETE FROM a;\n"
                                + "UPDATE a SET id = 2;\n",
                        "CREATE TABLE a (id int);\n" + TRIGGER + "\nINSERT INTO a VALUES (1);\n\nUPDATE a SET id = 2;\n",
                        List.of("CREATE TABLE a (id int);", TRIGGER, "INSERT INTO a VALUES (1);", "UPDATE a SET id = 2;"),
                        List.of(5, 9, 15, 17)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void appliesOnlyTheUpMigration(DirFormat format, String name, String content, String upText, List<String> texts,
            List<Integer> lines) {
        MigrationFile file = MigrationFile.of(name, content, format);

        FileStatements statements = FileStatements.of(file, GENERIC);

        assertThat(file.text()).isEqualTo(content);
        assertThat(file.upText()).isEqualTo(upText);
        assertThat(statements.texts()).containsExactlyElementsOf(texts);
        assertThat(statements.statements()).extracting(s -> s.range().line()).containsExactlyElementsOf(lines);
        assertThat(file.statements(SplitRules.GENERIC)).extracting(s -> s.range().line()).containsExactlyElementsOf(lines);
    }

    @Test
    void gooseWithoutUpSectionHasNothingToApply() {
        MigrationFile file = MigrationFile.of("1.sql", "CREATE TABLE a (id int);\n", DirFormat.GOOSE);

        assertThat(file.upSql().parts()).isEmpty();
        assertThat(FileStatements.of(file, GENERIC).texts()).isEmpty();
    }

    @Test
    void atlasFileIsUnchangedByTheFormatAccessors() {
        MigrationFile file = MigrationFile.of("1_x.up.sql", "-- atlas:delimiter \\n\\n\nSELECT 1\n\nSELECT 2;\n");

        assertThat(file.format()).isEqualTo(DirFormat.ATLAS);
        assertThat(file.version()).isEqualTo("1");
        assertThat(file.description()).isEqualTo("x.up");
        assertThat(file.upText()).isEqualTo(file.text());
        assertThat(FileStatements.of(file, GENERIC).texts()).containsExactly("SELECT 1", "SELECT 2;");
    }

    @Test
    void formatIsPartOfEquality() {
        assertThat(MigrationFile.of("1.sql", "x", DirFormat.GOOSE)).isNotEqualTo(MigrationFile.of("1.sql", "x"))
                .isEqualTo(MigrationFile.of("1.sql", "x", DirFormat.GOOSE));
        assertThat(MigrationFile.of("1.sql", "x")).isEqualTo(MigrationFile.of("1.sql", "x", DirFormat.ATLAS));
    }
}
