package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.RESOURCES;
import static io.atlas4j.junit.EngineKit.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import io.atlas4j.config.TestRequest;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.testdsl.TestKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** How configuration parameters become the runtime's request, and how bad ones are reported. */
class ConfigurationTest {

    private static final Path WORKING_DIR = Path.of("").toAbsolutePath();

    @Test
    void everyParameterReachesTheRequest() {
        Map<String, String> parameters = Map.of(
                Constants.CONFIG_PROPERTY_NAME, "db/atlas.hcl",
                Constants.ENV_PROPERTY_NAME, "local",
                Constants.DEV_URL_PROPERTY_NAME, "sqlite://dev?mode=memory",
                Constants.URL_PROPERTY_NAME, "file://a.sql, file://b.sql",
                Constants.RUN_PROPERTY_NAME, "^seed",
                Constants.STRICT_OUTPUT_PROPERTY_NAME, "TRUE",
                Constants.VARS_PROPERTY_NAME_PREFIX + "who", "ada",
                Constants.VARS_PROPERTY_NAME_PREFIX + "seed_file", "seed.sql",
                Constants.TIMEOUT_PROPERTY_NAME, "1m30s",
                "atlas4j.postgres.isolation", "template");

        TestRequest request = new Atlas4jConfiguration(new MapParameters(parameters)).testRequest(TestKind.SCHEMA, WORKING_DIR);

        assertThat(request.kind()).isEqualTo(TestKind.SCHEMA);
        assertThat(request.workingDir()).isEqualTo(WORKING_DIR);
        assertThat(request.config()).isEqualTo("file://" + WORKING_DIR.resolve("db/atlas.hcl"));
        assertThat(request.env()).isEqualTo("local");
        assertThat(request.devUrl()).isEqualTo("sqlite://dev?mode=memory");
        assertThat(request.urls()).containsExactly("file://a.sql", "file://b.sql");
        assertThat(request.run()).isEqualTo("^seed");
        assertThat(request.strictOutput()).isTrue();
        assertThat(request.vars()).isEqualTo(Map.of("who", List.of("ada"), "seed_file", List.of("seed.sql")));
        assertThat(request.dir()).isNull();
        assertThat(request.timeout()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(request.devProperties()).isEqualTo(Map.of("atlas4j.postgres.isolation", "template"));
    }

    @Test
    void nothingGivenMeansNothingRequested() {
        TestRequest request = new Atlas4jConfiguration(new MapParameters(Map.of())).testRequest(TestKind.SCHEMA, WORKING_DIR);

        // No atlas.hcl in this module's directory nor at the root of its test class path.
        assertThat(request.config()).isNull();
        assertThat(request.env()).isNull();
        assertThat(request.devUrl()).isNull();
        assertThat(request.urls()).isEmpty();
        assertThat(request.run()).isNull();
        assertThat(request.strictOutput()).isFalse();
        assertThat(request.vars()).isEmpty();
    }

    @Test
    void aProjectFileInTheWorkingDirectoryIsTheDefault() {
        Path projectDir = RESOURCES.resolve("project");

        TestRequest request = new Atlas4jConfiguration(new MapParameters(Map.of())).testRequest(TestKind.SCHEMA, projectDir);

        assertThat(request.config()).isEqualTo("file://" + projectDir.resolve("atlas.hcl"));
    }

    @Test
    void fileUrlsAreKeptAsGiven() {
        TestRequest request = new Atlas4jConfiguration(new MapParameters(Map.of(Constants.CONFIG_PROPERTY_NAME, "file://atlas.hcl")))
                .testRequest(TestKind.SCHEMA, WORKING_DIR);

        assertThat(request.config()).isEqualTo("file://atlas.hcl");
    }

    @Test
    void theRunAliasIsRead() {
        TestRequest request = new Atlas4jConfiguration(new MapParameters(Map.of(Constants.FILTER_RUN_PROPERTY_NAME, "x")))
                .testRequest(TestKind.SCHEMA, WORKING_DIR);

        assertThat(request.run()).isEqualTo("x");
    }

    @Test
    void aBadFlagIsAUsageError() {
        Atlas4jConfiguration configuration =
                new Atlas4jConfiguration(new MapParameters(Map.of(Constants.STRICT_OUTPUT_PROPERTY_NAME, "yes")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configuration.testRequest(TestKind.SCHEMA, WORKING_DIR))
                .isInstanceOf(Atlas4jException.class)
                .hasMessage("configuration parameter \"atlas4j.strict-output\" must be true or false, not \"yes\"");
    }

    @Test
    void parallelSettingsAreReadBelowTheEnginePrefix() {
        Atlas4jConfiguration configuration = new Atlas4jConfiguration(new MapParameters(Map.of(
                Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, "true",
                Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, "fixed",
                Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME, "3")));

        assertThat(configuration.parallelExecutionEnabled()).isTrue();
        assertThat(configuration.parallelExecutionParameters().get("strategy")).contains("fixed");
        assertThat(configuration.parallelExecutionParameters().get("fixed.parallelism")).contains("3");
    }

    @Test
    void configurationIsNotResolvedWhenNoTestFileIsSelected() {
        // A Jupiter-only run (class selectors) must not fail on Atlas4J configuration, however broken.
        EngineDiscoveryResults results = EngineTestKit.engine(Constants.ENGINE_ID)
                .configurationParameter(Constants.ENV_PROPERTY_NAME, "no_such_env")
                .configurationParameter(Constants.STRICT_OUTPUT_PROPERTY_NAME, "maybe")
                .selectors(selectClass(ConfigurationTest.class))
                .discover();

        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void aBadParameterIsOneErrorAndNoTests() {
        EngineDiscoveryResults results = engine()
                .configurationParameter(Constants.STRICT_OUTPUT_PROPERTY_NAME, "maybe")
                .selectors(selectFile(PASSING.toFile()), selectFile(RESOURCES.resolve("basic/log.test.hcl").toFile()))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).startsWith("configuration parameter \"atlas4j.strict-output\" must be true or false");
        });
    }

    @Test
    void anUnknownEnvIsOneErrorAndNoTests() {
        EngineDiscoveryResults results = engine()
                .configurationParameter(Constants.CONFIG_PROPERTY_NAME, RESOURCES.resolve("project/atlas.hcl").toString())
                .configurationParameter(Constants.ENV_PROPERTY_NAME, "no_such_env")
                .selectors(selectFile(PASSING.toFile()))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).contains("env \"no_such_env\" not defined");
        });
    }

    @Test
    void aBrokenProjectFileIsAnErrorAtItsPosition() {
        Path projectFile = EngineKit.BROKEN.resolve("project/atlas.hcl");

        EngineDiscoveryResults results = engine()
                .configurationParameter(Constants.CONFIG_PROPERTY_NAME, projectFile.toString())
                .configurationParameter(Constants.ENV_PROPERTY_NAME, "local")
                .selectors(selectFile(PASSING.toFile()))
                .discover();

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.ERROR);
            assertThat(issue.message()).startsWith("src/test/resources-broken/project/atlas.hcl:2:");
            assertThat(issue.source()).get().isInstanceOfSatisfying(FileSource.class, source -> {
                assertThat(source.getFile()).isEqualTo(projectFile.toFile());
                assertThat(source.getPosition().orElseThrow().getLine()).isEqualTo(2);
            });
        });
    }

    @Test
    void theEngineDescribesItself() {
        Atlas4jTestEngine engine = new Atlas4jTestEngine();

        assertThat(engine.getId()).isEqualTo("atlas4j");
        assertThat(engine.getGroupId()).contains("io.atlas4j");
        assertThat(engine.getArtifactId()).contains("atlas4j-junit-engine");
        // Classes, not a jar, under test: no manifest version.
        assertThat(engine.getVersion()).contains("DEVELOPMENT");
    }

    /** Configuration parameters from a map. */
    private record MapParameters(Map<String, String> values) implements ConfigurationParameters {

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return get(key).map(Boolean::parseBoolean);
        }

        @Override
        @SuppressWarnings("deprecation")
        public int size() {
            return values.size();
        }

        @Override
        public Set<String> keySet() {
            return values.keySet();
        }
    }
}
