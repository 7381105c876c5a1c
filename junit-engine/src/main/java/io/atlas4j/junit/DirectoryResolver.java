package io.atlas4j.junit;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.selectors;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/** A directory selects its {@code *.test.hcl} files, recursively, in lexical path order. */
final class DirectoryResolver implements SelectorResolver {

    private final DiscoveryIssueReporter issues;

    DirectoryResolver(DiscoveryIssueReporter issues) {
        this.issues = issues;
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path directory = selector.getPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            return unresolved();
        }
        Set<TestFileSelector> files;
        try (Stream<Path> paths = Files.walk(directory)) {
            files = paths.filter(p -> TestFiles.isTestFile(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .map(p -> TestFileSelector.of(p.toUri(), relative(directory, p), null))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException | UncheckedIOException e) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR,
                            "cannot list test files of directory " + directory + ": " + e.getMessage())
                    .source(DirectorySource.from(directory.toFile()))
                    .cause(e));
            return unresolved();
        }
        return files.isEmpty() ? unresolved() : selectors(files);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
