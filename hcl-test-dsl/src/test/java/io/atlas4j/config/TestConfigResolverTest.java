package io.atlas4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.hcl.Value;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.testing.TestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestConfigResolverTest {

    @TempDir
    Path dir;

    private TestConfig resolve(String config, String env, Map<String, List<String>> vars, String devUrl, List<String> urls) {
        return TestConfigResolver.resolve(new TestRequest(TestKind.SCHEMA, dir, config, env, vars, devUrl, urls, null, null,
                false, 0));
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void withoutEnvOrConfigTheProjectFileIsNotRead() throws IOException {
        write("atlas.hcl", "this is { not hcl");
        TestConfig c = resolve(null, null, Map.of(), "sqlite://x?mode=memory", List.of("file://schema.sql"));
        assertThat(c.devUrl()).isEqualTo("sqlite://x?mode=memory");
        assertThat(c.schemaUrls()).containsExactly("file://schema.sql");
    }

    @Test
    void t3_envSuppliesDevSrcAndTestFiles() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n  src = \"file://schema.sql\"\n  dev = \"sqlite://d?mode=memory\"\n"
                + "  test {\n    schema {\n      src = [\"s.test.hcl\"]\n      vars = {\n        who = \"ada\"\n      }\n    }\n  }\n}\n");
        TestConfig c = resolve(null, "dev", Map.of(), null, List.of());
        assertThat(c.devUrl()).isEqualTo("sqlite://d?mode=memory");
        assertThat(c.schemaUrls()).containsExactly("file://schema.sql");
        assertThat(c.testSources()).containsExactly(dir.resolve("s.test.hcl"));
        assertThat(c.vars()).containsEntry("who", Value.of("ada"));
    }

    @Test
    void t58_flagsWinOverEnvValues() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n  src = \"file://schema.sql\"\n  dev = \"sqlite://d?mode=memory\"\n"
                + "  test {\n    schema {\n      src = [\"s.test.hcl\"]\n      vars = { who = \"ada\" }\n    }\n  }\n}\n");
        TestConfig c = resolve(null, "dev", Map.of("who", List.of("bob")), "sqlite://flag?mode=memory",
                List.of("file://other.sql"));
        assertThat(c.devUrl()).isEqualTo("sqlite://flag?mode=memory");
        assertThat(c.schemaUrls()).containsExactly("file://other.sql");
        assertThat(c.vars()).containsEntry("who", Value.of("bob"));
    }

    @Test
    void t7_srcWinsOverUrl() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n  url = \"postgres://h/db\"\n  src = [\"schema.sql\", \"more.sql\"]\n}\n");
        TestConfig c = resolve(null, "dev", Map.of(), null, List.of());
        assertThat(c.schemaUrls()).containsExactly("file://" + dir.resolve("schema.sql"), "file://" + dir.resolve("more.sql"));
    }

    @Test
    void t4_p33_envTestBlockReplacesTheGlobalOneAsAWhole() throws IOException {
        write("atlas.hcl", "test {\n  schema {\n    src = [\"global/g.test.hcl\"]\n  }\n}\n"
                + "env \"dev\" {\n  test {\n    migrate {\n      src = [\"mtests/m.test.hcl\"]\n    }\n  }\n}\n"
                + "env \"plain\" {\n}\n");
        assertThat(resolve(null, "dev", Map.of(), null, List.of()).testSources()).isEmpty();
        assertThat(resolve(null, "plain", Map.of(), null, List.of()).testSources())
                .containsExactly(dir.resolve("global/g.test.hcl"));
    }

    @Test
    void p2_configWithoutScheme() {
        assertThatThrownBy(() -> resolve("atlas.hcl", null, Map.of(), null, List.of()))
                .isInstanceOf(Atlas4jException.class)
                .hasMessage("missing scheme for config file. Did you mean file://atlas.hcl?");
    }

    @Test
    void configWithAnotherScheme() {
        assertThatThrownBy(() -> resolve("https://x/atlas.hcl", null, Map.of(), null, List.of()))
                .hasMessage("unsupported config file driver \"https\"");
    }

    @Test
    void missingConfigFile() {
        assertThatThrownBy(() -> resolve(null, "dev", Map.of(), null, List.of()))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageStartingWith("config file \"atlas.hcl\" was not found")
                .extracting(e -> ((Atlas4jException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void p3_unknownEnv() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n}\n");
        assertThatThrownBy(() -> resolve(null, "prod", Map.of(), null, List.of()))
                .hasMessage("env \"prod\" not defined in config file");
    }

    @Test
    void p4_unnamedEnv() throws IOException {
        write("atlas.hcl", "env {\n  url = \"x\"\n}\n");
        assertThatThrownBy(() -> resolve(null, "dev", Map.of(), null, List.of()))
                .hasMessage("all envs must have names on file \"" + dir.resolve("atlas.hcl") + "\"");
    }

    @Test
    void p5_labelledEnvWinsOverAtlasEnvBlock() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n  dev = \"sqlite://labelled?mode=memory\"\n}\n"
                + "env {\n  name = atlas.env\n  dev  = \"sqlite://${atlas.env}?mode=memory\"\n}\n");
        assertThat(resolve(null, "dev", Map.of(), null, List.of()).devUrl()).isEqualTo("sqlite://labelled?mode=memory");
        assertThat(resolve(null, "stage", Map.of(), null, List.of()).devUrl()).isEqualTo("sqlite://stage?mode=memory");
    }

    @Test
    void p6_errorsInUnselectedEnvsDoNotSurface() throws IOException {
        write("atlas.hcl", "env \"a\" {\n  dev = \"sqlite://a?mode=memory\"\n}\nenv \"b\" {\n  dev = var.undefined\n}\n");
        assertThat(resolve(null, "a", Map.of(), null, List.of()).devUrl()).isEqualTo("sqlite://a?mode=memory");
    }

    @Test
    void projectVariablesAndLocalsFeedTheEnv() throws IOException {
        write("atlas.hcl", "variable \"db\" {\n  type    = string\n  default = \"one\"\n}\n"
                + "locals {\n  dev = \"sqlite://${var.db}?mode=memory\"\n}\nenv \"dev\" {\n  dev = local.dev\n}\n");
        assertThat(resolve(null, "dev", Map.of(), null, List.of()).devUrl()).isEqualTo("sqlite://one?mode=memory");
        assertThat(resolve(null, "dev", Map.of("db", List.of("two")), null, List.of()).devUrl())
                .isEqualTo("sqlite://two?mode=memory");
    }

    @Test
    void missingRequiredProjectVariable() throws IOException {
        write("atlas.hcl", "variable \"db\" {\n  type = string\n}\nenv \"dev\" {\n}\n");
        assertThatThrownBy(() -> resolve(null, "dev", Map.of(), null, List.of()))
                .hasMessageContaining("atlas.hcl:1:1: missing value for required variable \"db\"");
    }

    @Test
    void srcMustBeStrings() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n  src = 1\n}\n");
        assertThatThrownBy(() -> resolve(null, "dev", Map.of(), null, List.of()))
                .hasMessageContaining("expected src to be either a string or strings, got: number");
    }

    @Test
    void invalidRunRegexpIsAUsageError() {
        assertThatThrownBy(() -> TestConfigResolver.resolve(new TestRequest(TestKind.SCHEMA, dir, null, null, Map.of(),
                null, List.of(), null, "(", false, 0)))
                .isInstanceOf(Atlas4jException.class)
                .hasMessageStartingWith("invalid --run regexp \"(\"")
                .extracting(e -> ((Atlas4jException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void urlsMayBeCommaSeparated() {
        assertThat(resolve(null, null, Map.of(), null, List.of("file://a.sql,file://b.sql")).schemaUrls())
                .containsExactly("file://a.sql", "file://b.sql");
    }
}
