package io.atlas4j.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.selectors;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.commons.io.Resource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UriSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns the public selectors of one file (file, class-path resource, URI), with or without a
 * position, into {@link TestFileSelector}s.
 */
final class FileSelectorResolver implements SelectorResolver {

    private static final Pattern PACKAGE_PATH = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(/[A-Za-z_$][A-Za-z0-9_$]*)*/?");

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path file = selector.getPath().toAbsolutePath().normalize();
        if (!TestFiles.isTestFile(file.getFileName().toString()) || !Files.isRegularFile(file)) {
            return unresolved();
        }
        return selectors(Set.of(TestFileSelector.of(file.toUri(), file.getFileName().toString(), null)
                .atLine(TestSources.line(selector.getPosition()))));
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = strip(selector.getClasspathResourceName());
        if (!TestFiles.isTestFile(name)) {
            return resourceDirectory(selector, name);
        }
        Integer line = TestSources.line(selector.getPosition());
        Set<TestFileSelector> files = new LinkedHashSet<>();
        for (Resource resource : selector.getResources()) {
            URI uri = resource.getUri();
            // A plain file is read as itself, so messages show its path; a jar entry by its resource name.
            URI read = "file".equals(uri.getScheme()) ? uri : URI.create("classpath:/" + name);
            files.add(TestFileSelector.of(read, name, name).atLine(line));
        }
        return files.isEmpty() ? unresolved() : selectors(files);
    }

    /**
     * A class-path resource naming a directory ({@code @SelectClasspathResource("db/tests")}, as a suite
     * class for Surefire uses it) selects the test files below it: scanned as a package when the name is
     * one, else as the file-system directories the resource names.
     */
    private static Resolution resourceDirectory(ClasspathResourceSelector selector, String name) {
        Set<DiscoverySelector> found = new LinkedHashSet<>();
        if (PACKAGE_PATH.matcher(name).matches()) {
            // Scanned like a package, so files are named and sourced by their class-path resource names.
            found.add(selectPackage(name.replace('/', '.').replaceAll("\\.$", "")));
            return selectors(found);
        }
        for (Resource resource : selector.getResources()) {
            URI uri = resource.getUri();
            if ("file".equals(uri.getScheme()) && Files.isDirectory(Path.of(uri))) {
                found.add(selectDirectory(Path.of(uri).toFile()));
            }
        }
        return found.isEmpty() ? unresolved() : selectors(found);
    }

    @Override
    public Resolution resolve(UriSelector selector, Context context) {
        String text = selector.getUri().toString();
        int query = text.indexOf('?');
        URI uri = URI.create(query < 0 ? text : text.substring(0, query));
        Integer line = query < 0 ? null : line(text.substring(query + 1));
        String scheme = uri.getScheme();
        if ("classpath".equals(scheme)) {
            String name = TestFiles.classpathResourceName(uri);
            return TestFiles.isTestFile(name)
                    ? selectors(Set.of(line == null ? selectClasspathResource(name)
                            : selectClasspathResource(name, FilePosition.from(line))))
                    : unresolved();
        }
        if ("file".equals(scheme)) {
            Path path = Path.of(uri);
            if (Files.isDirectory(path)) {
                return selectors(Set.of(selectDirectory(path.toFile())));
            }
            if (!Files.isRegularFile(path)) {
                return unresolved();
            }
        }
        String name = TestFiles.baseName(uri);
        if (!TestFiles.isTestFile(name)) {
            return unresolved();
        }
        return selectors(Set.of(TestFileSelector.of(uri, name, null).atLine(line)));
    }

    /** {@code line=12} in a query ({@code line=12&column=3}); null when absent or not a number. */
    private static Integer line(String query) {
        for (String part : query.split("&")) {
            if (part.startsWith("line=")) {
                try {
                    int line = Integer.parseInt(part.substring("line=".length()));
                    return line > 0 ? line : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
