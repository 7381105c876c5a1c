package io.atlas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad desired states through the CLI against PostgreSQL: each gives one clear message with the file's
 * line and column and the cause, never a stack trace, and an exit code that is neither success nor an
 * internal error. Nothing reaches the target database.
 */
class SchemaBadInputPostgresIT extends PostgresCliTestBase {

    private static final String HEAD = """
            schema "public" {
            }
            table "users" {
              schema = schema.public
              column "id" {
                type = integer
              }
            }
            """; // lines 1-8

    static Stream<Arguments> badHcl() {
        return Stream.of(
                Arguments.of("reference to a missing table", HEAD + """
                        table "posts" {
                          schema = schema.public
                          column "uid" {
                            type = integer
                          }
                          foreign_key "fk" {
                            columns     = [column.uid]
                            ref_columns = [table.nope.column.id]
                          }
                        }
                        """, List.of("schema.hcl:16:", "table \"nope\" is not defined")),
                Arguments.of("reference to a missing column", HEAD + """
                        table "posts" {
                          schema = schema.public
                          column "uid" {
                            type = integer
                          }
                          foreign_key "fk" {
                            columns     = [column.uid]
                            ref_columns = [table.users.column.nope]
                          }
                        }
                        """, List.of("schema.hcl:16:", "column \"nope\" does not exist in table \"users\"")),
                Arguments.of("unknown type", HEAD + """
                        table "t" {
                          schema = schema.public
                          column "a" {
                            type = foo
                          }
                        }
                        """, List.of("schema.hcl:12:", "unknown type \"foo\"")),
                Arguments.of("MySQL type under PostgreSQL", HEAD + """
                        table "t" {
                          schema = schema.public
                          column "a" {
                            type = mediumtext
                          }
                        }
                        """, List.of("schema.hcl:12:", "mediumtext")),
                Arguments.of("MySQL tinyint under PostgreSQL", HEAD + """
                        table "t" {
                          schema = schema.public
                          column "a" {
                            type = tinyint(1)
                          }
                        }
                        """, List.of("schema.hcl:12:", "unknown type \"tinyint\"")),
                Arguments.of("MySQL unsigned attribute under PostgreSQL", HEAD + """
                        table "t" {
                          schema = schema.public
                          column "a" {
                            type     = integer
                            unsigned = true
                          }
                        }
                        """, List.of("schema.hcl:13:", "unsupported attribute \"unsigned\"")),
                Arguments.of("views that depend on each other", HEAD + """
                        view "a" {
                          schema = schema.public
                          column "id" {
                            type = integer
                          }
                          as         = "SELECT id FROM b"
                          depends_on = [view.b]
                        }
                        view "b" {
                          schema = schema.public
                          column "id" {
                            type = integer
                          }
                          as         = "SELECT id FROM a"
                          depends_on = [view.a]
                        }
                        """, List.of("schema.hcl:9:1: cycle in view dependencies: \"a\" -> \"b\" -> \"a\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHcl")
    void badHclNamesThePositionAndTheCause(String name, String hcl, List<String> expected) throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), hcl);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, expected);
        CliResult diff = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.hcl");
        assertOneClearError(diff, expected);
    }

    @Test
    void aSyntaxErrorNamesItsPosition() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), HEAD + "table \"t\" {\n  schema = schema.public\n  column \"a\" {\n    type = \n  }\n}\n");
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, List.of("schema.hcl:12:", "expected an expression"));
    }

    @Test
    void aMissingVariableIsNamed() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), """
                variable "tenant" {
                  type = string
                }
                schema "public" {
                  comment = var.tenant
                }
                """);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, List.of("schema.hcl:1:1", "variable \"tenant\""));
    }

    @Test
    void aMissingDesiredFileIsNamed() throws Exception {
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://nothere.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, List.of("nothere.hcl"));
    }

    @Test
    void aWrongDevPasswordIsReportedWithoutTheSecret() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE a (id int);\n");
        String badDev = devUrl().replaceFirst(":[^:@/]+@", ":s3cr3t-wrong@");
        assertThat(badDev).contains("s3cr3t-wrong");
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.sql", "--dev-url", badDev,
                "--auto-approve");
        assertOneClearError(r, List.of("password authentication failed"));
        assertThat(r.err()).doesNotContain("s3cr3t-wrong");
    }

    @Test
    void aViewTheDevDatabaseRejectsIsNotBlamedOnAnHclLine() throws Exception {
        // The HCL is well formed; the statement planned from it fails on the dev database. Its position is
        // one of the planned SQL, not of the HCL file.
        Files.writeString(dir.resolve("schema.hcl"), HEAD + """
                view "v" {
                  schema = schema.public
                  column "id" {
                    type = integer
                  }
                  as = "SELECT id FROM ghost"
                }
                """);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, List.of("schema.hcl (planned SQL):", "relation \"ghost\" does not exist"));
        assertThat(r.err()).doesNotContain("schema.hcl:");
    }

    @Test
    void aFailingSqlStatementNamesItsPositionAndTheDatabaseError() throws Exception {
        Files.writeString(dir.resolve("schema.sql"), """
                CREATE TABLE a (id int NOT NULL);

                  CREATE TABLE b (id int NOT NULL REFERENCES nope (id));
                CREATE TABLE c (id int NOT NULL);
                """);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.sql", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, List.of("schema.sql:3:3", "relation \"nope\" does not exist"));
        CliResult diff = Cli.run(dir, "schema", "diff", "--from", target.raw(), "--to", "file://schema.sql", "--dev-url", devUrl());
        assertOneClearError(diff, List.of("schema.sql:3:3", "relation \"nope\" does not exist"));
        CliResult migrate = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.sql");
        assertOneClearError(migrate, List.of("schema.sql:3:3", "relation \"nope\" does not exist"));
    }

    @Test
    void aMigrationFileThatFailsOnTheDevDatabaseIsNamed() throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve("1.sql"), "CREATE TABLE a (id int);\nALTER TABLE ghost ADD COLUMN x int;\n");
        assertThat(Cli.run(dir, "migrate", "hash").exitCode()).isZero();
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE a (id int);\n");
        CliResult r = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.sql");
        assertOneClearError(r, List.of("1.sql:2:1", "relation \"ghost\" does not exist"));
        try (Stream<Path> files = Files.list(m)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void twoHclSchemasAgainstASchemaBoundUrlAreRefused() throws Exception {
        Files.writeString(dir.resolve("schema.hcl"), HEAD + """
                schema "app" {
                }
                """);
        CliResult r = Cli.run(dir, "schema", "apply", "-u", target.raw(), "--to", "file://schema.hcl", "--dev-url", devUrl(),
                "--auto-approve");
        assertOneClearError(r, List.of("2 schemas", "bound to schema \"public\""));
        CliResult migrate = Cli.run(dir, "migrate", "diff", "--dev-url", devUrl(), "--to", "file://schema.hcl");
        assertOneClearError(migrate, List.of("2 schemas", "bound to schema \"public\""));
    }

    private void assertOneClearError(CliResult r, List<String> expected) throws SQLException {
        assertThat(r.exitCode()).as(r.toString()).isNotIn(0, 70);
        assertThat(r.out()).as(r.toString()).doesNotContain("CREATE", "ALTER");
        assertThat(r.err()).as(r.toString()).startsWith("Error: ").contains(expected)
                .doesNotContain("\tat ", "Exception", pg.server().password() + "@");
        assertThat(r.errLines().stream().filter(l -> l.startsWith("Error: ")).count()).as(r.toString()).isEqualTo(1);
        assertThat(Scratch.tables(target)).isEmpty();
    }
}
