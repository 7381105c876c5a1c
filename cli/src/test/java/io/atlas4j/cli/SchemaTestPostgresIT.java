package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static io.atlas4j.cli.ReportLines.error;
import static io.atlas4j.cli.ReportLines.indented;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of {@code atlas4j schema test} against a PostgreSQL server: the seed postal-code test of
 * Atlas's announcement, and testing-dsl.md §10 T10, T43, T74, plus password masking.
 *
 * <p>The server URL comes from {@code ATLAS4J_TEST_POSTGRES_URL}. Without it the tests are skipped,
 * unless {@code ATLAS4J_REQUIRE_BACKENDS} is set, which makes a missing server a failure.
 */
class SchemaTestPostgresIT {

    private static final String CHECKLIST_SCHEMA = """
            CREATE TABLE users (id int PRIMARY KEY, name text, email text UNIQUE);
            CREATE DOMAIN zip AS text CHECK (VALUE ~ '^\\d{5}$');
            """;

    private static final String POSTAL_SCHEMA = """
            CREATE DOMAIN us_postal_code AS TEXT CHECK(VALUE ~ '^\\d{5}$' OR VALUE ~ '^\\d{5}-\\d{4}$');
            """;

    private String devUrl;

    @TempDir
    Path dir;

    // Per test rather than @BeforeAll, so that every skipped test is counted and shown with the reason.
    @BeforeEach
    void requirePostgres() {
        devUrl = System.getenv("ATLAS4J_TEST_POSTGRES_URL");
        if (devUrl == null || devUrl.isBlank()) {
            String required = System.getenv("ATLAS4J_REQUIRE_BACKENDS");
            if (required != null && !required.isEmpty()) {
                fail("ATLAS4J_REQUIRE_BACKENDS is set but ATLAS4J_TEST_POSTGRES_URL is not "
                        + "(start one with: eval \"$(.ci/start-postgres.sh)\")");
            }
            Assumptions.abort("ATLAS4J_TEST_POSTGRES_URL is not set: skipping the PostgreSQL CLI tests");
        }
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private CliResult schemaTest(String url, String testFile) {
        return Cli.run(dir, "schema", "test", "--dev-url", url, "--url", "file://schema.sql", testFile);
    }

    @Test
    void seed_postalCodes_passWithTheLogLine() throws IOException {
        write("schema.sql", POSTAL_SCHEMA);
        write("schema.test.hcl", """
                test "schema" "postal" {
                  exec {
                    sql    = "select '12345'::us_postal_code"
                    output = "12345"
                  }
                  catch {
                    sql = "select 'hello'::us_postal_code"
                  }
                  log {
                    message = "accepts 12345 and rejects hello"
                  }
                }
                """);

        CliResult result = schemaTest(devUrl, "schema.test.hcl");

        assertLines(result,
                "-- PASS: postal (<d>)",
                "    schema.test.hcl:9: accepts 12345 and rejects hello",
                "PASS");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void seed_postalCodes_withoutCatchFailWithTheCheckConstraint() throws IOException {
        write("schema.sql", POSTAL_SCHEMA);
        write("schema.test.hcl", """
                test "schema" "postal" {
                  exec {
                    sql    = "select '12345'::us_postal_code"
                    output = "12345"
                  }
                  exec {
                    sql = "select 'hello'::us_postal_code"
                  }
                  log {
                    message = "never"
                  }
                }
                """);

        CliResult result = schemaTest(devUrl, "schema.test.hcl");

        assertLines(result,
                "-- FAIL: postal (<d>)",
                indented("schema.test.hcl:6:"),
                error("<*>value for domain us_postal_code violates check constraint \"us_postal_code_check\"<*>"),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void t10_databaseErrorInExec() throws IOException {
        write("schema.sql", CHECKLIST_SCHEMA);
        write("a.test.hcl", """
                test "schema" "t" {
                  exec {
                    sql = "SELECT 'abc'::zip"
                  }
                }
                """);

        CliResult result = schemaTest(devUrl, "a.test.hcl");

        assertLines(result,
                "-- FAIL: t (<d>)",
                indented("a.test.hcl:2:"),
                error("<*>violates check constraint<*>"),
                "FAIL");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void t43_durationFormat() throws IOException {
        write("schema.sql", CHECKLIST_SCHEMA);
        write("a.test.hcl", """
                test "schema" "trivial" {
                  log {
                    message = "nothing to do"
                  }
                }
                test "schema" "ms" {
                  exec {
                    sql = "SELECT pg_sleep(0.02)"
                  }
                }
                test "schema" "s" {
                  exec {
                    sql = "SELECT pg_sleep(1.5)"
                  }
                }
                """);

        CliResult result = schemaTest(devUrl, "a.test.hcl");

        assertLines(result,
                "-- PASS: trivial (<*>)",
                indented("a.test.hcl:2: nothing to do"),
                "-- PASS: ms (<*>)",
                "-- PASS: s (<*>)",
                "PASS");
        assertThat(result.outLines().get(0)).matches("-- PASS: trivial \\(\\d{1,3}\u00b5s\\)");
        Matcher ms = Pattern.compile("-- PASS: ms \\((\\d+)ms\\)").matcher(result.outLines().get(2));
        assertThat(ms.matches()).as(result.outLines().get(2)).isTrue();
        assertThat(Integer.parseInt(ms.group(1))).isBetween(20, 999);
        Matcher s = Pattern.compile("-- PASS: s \\((\\d+(?:\\.\\d{1,3})?)s\\)").matcher(result.outLines().get(3));
        assertThat(s.matches()).as(result.outLines().get(3)).isTrue();
        assertThat(Double.parseDouble(s.group(1))).isBetween(1.5, 59.0);
        assertThat(s.group(1)).doesNotEndWith("0");
    }

    @Test
    void t74_externalReachesTheCasesDatabase() throws IOException {
        Assumptions.assumeTrue(onPath("psql"), "psql is not on the PATH");
        write("schema.sql", CHECKLIST_SCHEMA);
        write("a.test.hcl", """
                test "schema" "t" {
                  exec {
                    sql = "INSERT INTO users VALUES (1, 'A', 'a')"
                  }
                  external {
                    program = ["psql", self.dev_url, "-tAc", "SELECT count(*) FROM users"]
                    output  = "1"
                  }
                  external {
                    program = ["psql", testing.dev_url, "-tAc", "SELECT count(*) FROM users"]
                    output  = "1"
                  }
                }
                """);

        CliResult result = schemaTest(devUrl, "a.test.hcl");

        assertLines(result, "-- PASS: t (<d>)", "PASS");
    }

    @Test
    void wrongPasswordInDevUrl_isNeverPrinted() throws IOException {
        String wrong = "Wr0ng-Passw0rd-4711";
        URI uri = URI.create(devUrl);
        String user = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo().split(":", 2)[0];
        String badUrl = uri.getScheme() + "://" + user + ":" + wrong + "@" + uri.getHost()
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
                + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        write("schema.sql", CHECKLIST_SCHEMA);
        write("a.test.hcl", """
                test "schema" "t" {
                  exec {
                    sql = "SELECT 1"
                  }
                }
                """);

        CliResult result = schemaTest(badUrl, "a.test.hcl");
        CliResult traced = Cli.run(dir, "schema", "test", "-x", "--dev-url", badUrl, "--url", "file://schema.sql",
                "a.test.hcl");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.DEV_DATABASE);
        assertThat(result.err()).startsWith("Error: ");
        assertThat(result.out() + result.err()).doesNotContain(wrong);
        assertThat(traced.out() + traced.err()).doesNotContain(wrong);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
