package io.atlas4j.junit;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.DiagnosticException;
import io.atlas4j.source.Diagnostic;
import io.atlas4j.source.SourceRange;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestFile;
import io.atlas4j.testdsl.TestKind;
import io.atlas4j.testing.RunFilter;
import io.atlas4j.testing.TestConfig;
import io.atlas4j.testing.TestLoader;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Reads test files through the runtime's {@link TestLoader}, once per URI however many selectors
 * name them, and turns load errors into discovery issues: a broken file contributes no tests.
 */
final class TestFileLoader {

    /**
     * The kinds the engine discovers. {@code migrate} cases join when migrate tests are supported:
     * each kind has its own configuration, and their cases are merged in source order.
     */
    static final Set<TestKind> KINDS = Set.of(TestKind.SCHEMA, TestKind.MIGRATE);

    private final LazyTestConfig configs;
    private final DiscoveryIssueReporter issues;
    private final Map<URI, Optional<LoadedFile>> cache = new HashMap<>();

    TestFileLoader(LazyTestConfig configs, DiscoveryIssueReporter issues) {
        this.configs = configs;
        this.issues = issues;
    }

    /** The file, or empty when it cannot be read (reported the first time). */
    Optional<LoadedFile> load(TestFileSelector file) {
        Optional<LoadedFile> loaded = cache.get(file.uri());
        if (loaded == null) {
            loaded = read(file.withoutLine());
            cache.put(file.uri(), loaded);
        }
        return loaded;
    }

    private Optional<LoadedFile> read(TestFileSelector file) {
        Map<TestKind, TestConfig> kindConfigs = new EnumMap<>(TestKind.class);
        for (TestKind kind : KINDS) {
            Optional<TestConfig> config = configs.get(kind, issues);
            if (config.isEmpty()) {
                return Optional.empty();
            }
            kindConfigs.put(kind, config.get());
        }
        String text;
        try {
            text = TestFiles.read(file.uri());
        } catch (IOException | RuntimeException e) {
            report(file, null, file.displayName() + ": cannot read test file: " + e.getMessage(), e);
            return Optional.empty();
        }
        List<TestCase> cases = new ArrayList<>();
        // Only the kinds the file holds: a file of schema tests must not need migrate tests' variables.
        kindConfigs.keySet().retainAll(TestLoader.kinds(file.uri(), text));
        for (TestConfig config : kindConfigs.values()) {
            // Stops at the first kind that fails: each kind reads the whole file, and would report its
            // syntax errors again.
            try {
                cases.addAll(TestLoader.load(config, file.uri(), text).cases());
            } catch (DiagnosticException e) {
                for (Diagnostic d : e.diagnostics()) {
                    report(file, d.range(), d.toString(), null);
                }
                return Optional.empty();
            } catch (Atlas4jException e) {
                report(file, null, TestFiles.message(e), e);
                return Optional.empty();
            }
        }
        cases.sort(Comparator.comparingInt((TestCase c) -> c.range().line()).thenComparingInt(c -> c.range().column()));
        List<CaseBlock> blocks = CaseBlock.of(cases);
        if (hasDuplicates(file, blocks)) {
            return Optional.empty();
        }
        return Optional.of(new LoadedFile(new TestFile(file.uri(), cases), blocks, runFilter(kindConfigs)));
    }

    /**
     * Unique ids name cases, so two blocks of one kind with one name cannot be told apart; Atlas
     * itself would run both.
     */
    private boolean hasDuplicates(TestFileSelector file, List<CaseBlock> blocks) {
        boolean found = false;
        for (int i = 0; i < blocks.size(); i++) {
            CaseBlock block = blocks.get(i);
            for (int j = 0; j < i; j++) {
                CaseBlock first = blocks.get(j);
                if (first.kind() == block.kind() && first.name().equals(block.name())) {
                    report(file, block.range(), block.range() + ": duplicate test case name \"" + block.name()
                            + "\" (first defined at line " + first.range().line()
                            + "); names of one kind must be unique in a file", null);
                    found = true;
                    break;
                }
            }
        }
        return found;
    }

    private static Predicate<TestCase> runFilter(Map<TestKind, TestConfig> kindConfigs) {
        return c -> {
            TestConfig config = kindConfigs.get(c.kind());
            return config == null || RunFilter.selects(config.runFilter().orElse(null), c);
        };
    }

    private void report(TestFileSelector file, SourceRange at, String message, Throwable cause) {
        // A problem may lie in another file the test file reads (say, through file()).
        TestSource source = at == null || at.uri().equals(file.uri()) ? TestSources.of(file, at) : TestSources.of(at);
        DiscoveryIssue.Builder issue = DiscoveryIssue.builder(Severity.ERROR, message).source(source);
        if (cause != null) {
            issue.cause(cause);
        }
        issues.reportIssue(issue);
    }
}
