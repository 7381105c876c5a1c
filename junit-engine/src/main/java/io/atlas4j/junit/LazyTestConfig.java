package io.atlas4j.junit;

import io.atlas4j.config.TestConfigResolver;
import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.testing.TestConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * The resolved configuration of each test kind, resolved when the first test file needs it.
 *
 * <p>Problem: build tools ask every engine on the class path to discover, most often with nothing but
 * class selectors; resolving the configuration eagerly would report an error (say, a missing
 * {@code atlas.hcl} env) in projects that only run Jupiter tests at that moment. Solution: resolve on
 * first use, so only runs that select test files can fail on configuration.
 */
final class LazyTestConfig {

    private final Atlas4jConfiguration configuration;
    private final Path workingDir;
    private final Map<TestKind, Optional<TestConfig>> resolved = new EnumMap<>(TestKind.class);

    LazyTestConfig(Atlas4jConfiguration configuration, Path workingDir) {
        this.configuration = configuration;
        this.workingDir = workingDir;
    }

    /** The configuration of a kind, resolving it once; a failure is reported once, as an error. */
    synchronized Optional<TestConfig> get(TestKind kind, DiscoveryIssueReporter issues) {
        return resolved.computeIfAbsent(kind, k -> {
            try {
                return Optional.of(TestConfigResolver.resolve(configuration.testRequest(k, workingDir)));
            } catch (DiagnosticException e) {
                // A broken project file: one error per problem, each pointing at its line.
                for (Diagnostic d : e.diagnostics()) {
                    issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR, d.toString()).source(TestSources.of(d.range())));
                }
                return Optional.empty();
            } catch (Atlas4jException e) {
                issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR, TestFiles.message(e)).cause(e));
                return Optional.empty();
            }
        });
    }

    /** The configurations resolved during discovery, by kind. */
    synchronized Map<TestKind, TestConfig> resolved() {
        Map<TestKind, TestConfig> configs = new EnumMap<>(TestKind.class);
        resolved.forEach((kind, config) -> config.ifPresent(c -> configs.put(kind, c)));
        return configs;
    }
}
