package io.atlas4j.junit;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.match;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.selectors;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import io.atlas4j.testdsl.TestCase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns the engine's own selectors into descriptors: a {@link TestFileSelector} into a file container
 * (or, with a line, into the case at that line), a {@link TestCaseSelector} into a case, a
 * {@code for_each} container or one of its rows. Only cases the run filter selects get descriptors.
 */
final class TestFileResolver implements SelectorResolver {

    private final TestFileLoader loader;
    private final DiscoveryIssueReporter issues;

    TestFileResolver(TestFileLoader loader, DiscoveryIssueReporter issues) {
        this.loader = loader;
        this.issues = issues;
    }

    @Override
    public Resolution resolve(DiscoverySelector selector, Context context) {
        if (selector instanceof TestFileSelector file) {
            return resolveFile(file, context);
        }
        if (selector instanceof TestCaseSelector testCase) {
            return resolveCase(testCase, context);
        }
        return unresolved();
    }

    private Resolution resolveFile(TestFileSelector file, Context context) {
        Optional<LoadedFile> loaded = loader.load(file);
        if (loaded.isEmpty()) {
            return unresolved();
        }
        if (file.line() != null) {
            return resolveLine(file, loaded.get());
        }
        return context.addToParent(parent -> Optional.of(new TestFileDescriptor(parent.getUniqueId(), file)))
                .map(descriptor -> match(Match.exact(descriptor, () -> blockSelectors(file, loaded.get()))))
                .orElse(unresolved());
    }

    private Resolution resolveLine(TestFileSelector file, LoadedFile loaded) {
        Optional<CaseBlock> block = loaded.blockAt(file.line());
        if (block.isEmpty()) {
            // Better to run too much than nothing when a line misses (a comment above the first case).
            issues.reportIssue(DiscoveryIssue.builder(Severity.WARNING, file.displayName() + ":" + file.line()
                            + ": no test case at this line; selecting the whole file")
                    .source(TestSources.of(file)));
            return selectors(Set.of(file.withoutLine()));
        }
        return selectors(Set.of(new TestCaseSelector(file.withoutLine(), block.get().kind(), block.get().name(), null)));
    }

    private static Set<TestCaseSelector> blockSelectors(TestFileSelector file, LoadedFile loaded) {
        return loaded.blocks().stream()
                .filter(b -> !loaded.selectedCases(b).isEmpty())
                .map(b -> new TestCaseSelector(file, b.kind(), b.name(), null))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<TestCaseSelector> rowSelectors(TestFileSelector file, CaseBlock block, List<TestCase> rows) {
        return rows.stream()
                .map(c -> new TestCaseSelector(file, block.kind(), block.name(), c.example()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Resolution resolveCase(TestCaseSelector selector, Context context) {
        Optional<LoadedFile> loaded = loader.load(selector.file());
        if (loaded.isEmpty()) {
            return unresolved();
        }
        Optional<CaseBlock> found = loaded.get().block(selector.kind(), selector.blockName());
        if (found.isEmpty()) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.WARNING, selector.file().displayName() + ": no "
                            + selector.kind().label() + " test case named \"" + selector.blockName() + "\"")
                    .source(TestSources.of(selector.file())));
            return unresolved();
        }
        CaseBlock block = found.get();
        List<TestCase> cases = loaded.get().selectedCases(block);
        if (cases.isEmpty()) {
            return unresolved();
        }
        TestFileSelector file = selector.file();
        if (!block.isForEach()) {
            return context.addToParent(() -> file,
                            parent -> Optional.of(TestCaseDescriptor.test(parent.getUniqueId(), file, block, cases.get(0))))
                    .map(descriptor -> match(Match.exact(descriptor)))
                    .orElse(unresolved());
        }
        if (selector.example() == null) {
            return context.addToParent(() -> file,
                            parent -> Optional.of(TestCaseDescriptor.container(parent.getUniqueId(), file, block)))
                    .map(descriptor -> match(Match.exact(descriptor, () -> rowSelectors(file, block, cases))))
                    .orElse(unresolved());
        }
        for (int i = 0; i < block.cases().size(); i++) {
            TestCase row = block.cases().get(i);
            if (selector.example().equals(row.example()) && cases.contains(row)) {
                int order = block.order() + i;
                return context.addToParent(selector::block,
                                parent -> Optional.of(new CaseExampleDescriptor(parent.getUniqueId(), file, row, order)))
                        .map(descriptor -> match(Match.exact(descriptor)))
                        .orElse(unresolved());
            }
        }
        return unresolved();
    }
}
