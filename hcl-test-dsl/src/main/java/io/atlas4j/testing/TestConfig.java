package io.atlas4j.testing;

import io.atlas4j.hcl.Value;
import io.atlas4j.testdsl.TestKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a test run needs, resolved from flags, the project file and defaults. The CLI and the
 * JUnit engine each build one and hand it to the same runtime.
 *
 * @param kind which blocks run
 * @param workingDir where relative paths resolve
 * @param devUrl the dev database URL (may hold a password: mask it in messages)
 * @param schemaUrls the desired state of schema tests: {@code file://} URLs of SQL files or directories
 * @param migrationDir the migration directory URL of migrate tests, or null
 * @param testSources test files and directories named by the env's {@code test.<kind>.src}, resolved
 * @param vars values for test-file variables ({@code --var} over {@code test.<kind>.vars})
 * @param run the {@code --run} filter, or null for all
 * @param strictOutput disable the lenient CSV and table comparison fallbacks
 * @param parallelism workers for parallel cases (0: number of processors)
 * @param timeout the longest a case's steps and cleanups may run, or null for no limit
 * @param devProperties settings handed to the dev-database provider ({@code DevOptions.properties()})
 */
public record TestConfig(TestKind kind, Path workingDir, String devUrl, List<String> schemaUrls, String migrationDir,
                         List<Path> testSources, Map<String, Value> vars, Pattern run, boolean strictOutput,
                         int parallelism, Duration timeout, Map<String, String> devProperties) {

    public TestConfig {
        schemaUrls = List.copyOf(schemaUrls);
        testSources = List.copyOf(testSources);
        vars = Map.copyOf(vars);
        devProperties = Map.copyOf(devProperties);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** A configuration without a case timeout. */
    public TestConfig(TestKind kind, Path workingDir, String devUrl, List<String> schemaUrls, String migrationDir,
                      List<Path> testSources, Map<String, Value> vars, Pattern run, boolean strictOutput,
                      int parallelism) {
        this(kind, workingDir, devUrl, schemaUrls, migrationDir, testSources, vars, run, strictOutput, parallelism, null,
                Map.of());
    }

    /** The run filter. */
    public Optional<Pattern> runFilter() {
        return Optional.ofNullable(run);
    }
}
