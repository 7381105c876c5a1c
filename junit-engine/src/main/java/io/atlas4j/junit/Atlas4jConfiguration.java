package io.atlas4j.junit;

import static io.atlas4j.junit.Constants.CONFIG_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.DEV_URL_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.ENV_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.FILTER_RUN_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.MIGRATIONS_DIR_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.PARALLEL_CONFIG_PREFIX;
import static io.atlas4j.junit.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.RUN_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.STRICT_OUTPUT_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.TIMEOUT_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.URL_PROPERTY_NAME;
import static io.atlas4j.junit.Constants.VARS_PROPERTY_NAME_PREFIX;

import io.atlas4j.time.GoDuration;
import io.atlas4j.config.TestRequest;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.testdsl.TestKind;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;

/** A typed view over the engine's configuration parameters (the keys of {@link Constants}). */
final class Atlas4jConfiguration {

    private static final String PROJECT_FILE = "atlas.hcl";

    private final ConfigurationParameters parameters;

    Atlas4jConfiguration(ConfigurationParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * What the engine was asked, in the shape the CLI builds from its flags, so both resolve it with
     * the same rules.
     *
     * @throws Atlas4jException {@code USAGE} for a value of the wrong shape
     */
    TestRequest testRequest(TestKind kind, Path workingDir) {
        return new TestRequest(kind, workingDir, projectFile(workingDir).orElse(null), text(ENV_PROPERTY_NAME).orElse(null),
                vars(), text(DEV_URL_PROPERTY_NAME).orElse(null), urls(), text(MIGRATIONS_DIR_PROPERTY_NAME).orElse(null),
                run().orElse(null),
                flag(STRICT_OUTPUT_PROPERTY_NAME, false), 0,
                text(TIMEOUT_PROPERTY_NAME).map(GoDuration::parse).orElse(null), devProperties());
    }

    /** Whether cases with {@code parallel = true} run on a fork-join pool. */
    boolean parallelExecutionEnabled() {
        return flag(PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, false);
    }

    /** The parallel executor's settings, with their prefix removed (JUnit's own key names). */
    ConfigurationParameters parallelExecutionParameters() {
        return new PrefixedConfigurationParameters(parameters, PARALLEL_CONFIG_PREFIX);
    }

    /** The project file as a {@code file://} URL: the configured one, else a default one that exists. */
    Optional<String> projectFile(Path workingDir) {
        Optional<String> configured = text(CONFIG_PROPERTY_NAME);
        if (configured.isPresent()) {
            String value = configured.get();
            // Absolute, so the resolver need not guess what a relative file:// URL is relative to.
            return Optional.of(value.startsWith("file:") ? value : fileUrl(workingDir.resolve(value).normalize()));
        }
        Path inWorkingDir = workingDir.resolve(PROJECT_FILE);
        if (Files.isRegularFile(inWorkingDir)) {
            return Optional.of(fileUrl(inWorkingDir));
        }
        return onClassPath();
    }

    private static Optional<String> onClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : Atlas4jConfiguration.class.getClassLoader()).getResource(PROJECT_FILE);
        // A project file inside a jar cannot be read as a file, and its relative paths would mean nothing.
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(fileUrl(Path.of(url.toURI())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String fileUrl(Path path) {
        return "file://" + path.toAbsolutePath().toString().replace('\\', '/');
    }

    private static final List<String> DEV_PROPERTY_PREFIXES = List.of("atlas4j.dev.", "atlas4j.embedded.",
            "atlas4j.sqlite.", "atlas4j.postgres.", "atlas4j.mysql.");

    /** {@code atlas4j.vars.<name>} values by name, as {@code --var name=value} gives them. */
    Map<String, List<String>> vars() {
        // keySet() may leave out system properties the launcher falls back to, so look at those too.
        TreeSet<String> keys = new TreeSet<>(parameters.keySet());
        keys.addAll(System.getProperties().stringPropertyNames());
        Map<String, List<String>> vars = new TreeMap<>();
        for (String key : keys) {
            if (!key.startsWith(VARS_PROPERTY_NAME_PREFIX)) {
                continue;
            }
            String name = key.substring(VARS_PROPERTY_NAME_PREFIX.length());
            if (name.isBlank()) {
                throw new Atlas4jException(ErrorCode.USAGE, "configuration parameter \"" + key + "\" names no variable",
                        "use " + VARS_PROPERTY_NAME_PREFIX + "<name>=<value>", null);
            }
            parameters.get(key).ifPresent(value -> vars.put(name, List.of(value)));
        }
        return vars;
    }

    /**
     * Settings for the dev-database providers: every parameter under {@code atlas4j.dev.} or a dialect's
     * namespace ({@code atlas4j.postgres.isolation}, {@code atlas4j.dev.docker-fallback}, ...).
     */
    Map<String, String> devProperties() {
        TreeSet<String> keys = new TreeSet<>(parameters.keySet());
        keys.addAll(System.getProperties().stringPropertyNames());
        Map<String, String> properties = new TreeMap<>();
        for (String key : keys) {
            if (DEV_PROPERTY_PREFIXES.stream().anyMatch(key::startsWith)) {
                parameters.get(key).ifPresent(value -> properties.put(key, value));
            }
        }
        return properties;
    }

    /** {@code atlas4j.url} split at commas. */
    List<String> urls() {
        return text(URL_PROPERTY_NAME)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** {@code atlas4j.run}, else its alias {@code atlas4j.filter.run}. */
    Optional<String> run() {
        return text(RUN_PROPERTY_NAME).or(() -> text(FILTER_RUN_PROPERTY_NAME));
    }

    private Optional<String> text(String key) {
        return parameters.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private boolean flag(String key, boolean defaultValue) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        // Boolean.parseBoolean would read a typo as false and silently change the run.
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Atlas4jException(ErrorCode.USAGE,
                    "configuration parameter \"" + key + "\" must be true or false, not \"" + value.get() + "\"");
        };
    }
}
