package io.atlas4j.cli;

import static io.atlas4j.cli.ReportLines.assertLines;
import static io.atlas4j.cli.ReportLines.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Discovery and configuration: testing-dsl.md §10 T1–T5, on SQLite. */
class SchemaTestDiscoveryTest extends SqliteCliTestBase {

    private static String oneCase(String name) {
        return "test \"schema\" \"" + name + "\" {\n  exec {\n    sql = \"SELECT 1\"\n  }\n}\n";
    }

    @Test
    void t1_defaultDiscovery_findsTheWorkingDirectorysTestFiles() {
        write("a.test.hcl", oneCase("one"));

        CliResult result = schemaTest();

        assertLines(result, "-- PASS: one (<d>)", "PASS");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void t1_atlasHclIsIgnoredWithoutEnvOrConfig() {
        write("a.test.hcl", oneCase("one"));
        // Read only with --env or -c (project-config.md §1): this broken file must not matter.
        write("atlas.hcl", "this is not HCL {{{\n");

        CliResult result = schemaTest();

        assertLines(result, "-- PASS: one (<d>)", "PASS");
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    @Test
    void t2_severalPositionalPaths_filesAndDirectories() {
        write("t/a.test.hcl", oneCase("a"));
        write("t/b.test.hcl", oneCase("b"));
        write("c.test.hcl", oneCase("c"));
        write("ignored.test.hcl", oneCase("ignored"));

        CliResult result = schemaTest("t", "c.test.hcl");

        assertThat(result.outLines()).as("%s", result).hasSize(4);
        assertThat(result.outLines().subList(0, 3)).as("%s", result)
                .anyMatch(l -> matches("-- PASS: a (<d>)", l))
                .anyMatch(l -> matches("-- PASS: b (<d>)", l))
                .anyMatch(l -> matches("-- PASS: c (<d>)", l));
        assertThat(result.outLines().get(3)).isEqualTo("PASS");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void t2_aDirectoryArgumentIsNotRecursive() {
        write("t/a.test.hcl", oneCase("a"));
        write("t/deeper/d.test.hcl", oneCase("d"));

        CliResult result = schemaTest("t");

        assertLines(result, "-- PASS: a (<d>)", "PASS");
    }

    @Test
    void t3_srcFromTheEnv() {
        write("atlas.hcl", """
                env "dev" {
                  src = "file://schema.sql"
                  dev = "%s"
                  test {
                    schema {
                      src = ["s.test.hcl"]
                    }
                  }
                }
                """.formatted(devUrl));
        write("s.test.hcl", oneCase("s"));
        write("x.test.hcl", oneCase("x"));

        CliResult result = atlas4j("schema", "test", "--env", "dev");

        assertLines(result, "-- PASS: s (<d>)", "PASS");
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    @Test
    void t3_positionalPathsWinOverTheEnvSrc() {
        write("atlas.hcl", """
                env "dev" {
                  src = "file://schema.sql"
                  dev = "%s"
                  test {
                    schema {
                      src = ["s.test.hcl"]
                    }
                  }
                }
                """.formatted(devUrl));
        write("s.test.hcl", oneCase("s"));
        write("x.test.hcl", oneCase("x"));

        CliResult result = atlas4j("schema", "test", "--env", "dev", "x.test.hcl");

        assertLines(result, "-- PASS: x (<d>)", "PASS");
    }

    private static final String T4_GLOBAL = """
            test {
              schema {
                src = ["global/g.test.hcl"]
              }
            }
            """;

    @Test
    void t4_theEnvTestBlockReplacesTheGlobalOne() {
        write("atlas.hcl", T4_GLOBAL + """
                env "dev" {
                  src = "file://schema.sql"
                  dev = "%s"
                  test {
                    migrate {
                      src = ["mtests/m.test.hcl"]
                    }
                  }
                }
                """.formatted(devUrl));
        write("global/g.test.hcl", oneCase("g"));
        write("mtests/m.test.hcl", "test \"migrate\" \"m\" {\n}\n");

        CliResult result = atlas4j("schema", "test", "--env", "dev");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Error: ").contains("no test files found");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void t4_withoutAnEnvTestBlockTheGlobalOneApplies() {
        write("atlas.hcl", T4_GLOBAL + """
                env "dev" {
                  src = "file://schema.sql"
                  dev = "%s"
                }
                """.formatted(devUrl));
        write("global/g.test.hcl", oneCase("g"));

        CliResult result = atlas4j("schema", "test", "--env", "dev");

        assertLines(result, "-- PASS: g (<d>)", "PASS");
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    @Test
    void t5_nothingToRun() {
        CliResult result = schemaTest();

        // testing-dsl.md T5 and §5.5: 2 in Atlas4J when the run could not start for lack of files.
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Error: ").contains("no test files found");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void configFlag_withoutScheme_isRefusedWithAtlasMessage() {
        write("a.test.hcl", oneCase("one"));
        write("atlas.hcl", "env \"dev\" {\n}\n");

        CliResult result = schemaTest("-c", "atlas.hcl");

        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.err()).contains("missing scheme for config file. Did you mean file://atlas.hcl?");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownEnv_isAConfigurationError() {
        write("a.test.hcl", oneCase("one"));
        write("atlas.hcl", "env \"dev\" {\n}\n");

        CliResult result = schemaTest("--env", "prod");

        assertThat(result.err()).contains("env \"prod\" not defined in config file");
        assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void devUrlFromTheEnv_andTheFlagWins() {
        write("atlas.hcl", """
                env "dev" {
                  src = "file://schema.sql"
                  dev = "nosuchscheme://nowhere"
                }
                """);
        write("a.test.hcl", oneCase("one"));

        CliResult result = atlas4j("schema", "test", "--env", "dev", "--dev-url", devUrl);

        assertLines(result, "-- PASS: one (<d>)", "PASS");
    }
}
