package io.atlas4j.junit;

import java.net.URI;
import org.junit.platform.engine.DiscoverySelector;

/**
 * The engine's own selector for one test file, which every public selector (file, class-path
 * resource, URI, directory, unique id) is first turned into.
 *
 * @param uri what is read: a normalized {@code file:} URI, a {@code classpath:/} URI, or another URL
 * @param displayName the file's path relative to where it was found (or its base name)
 * @param classpathResource the resource name when found on the class path, else null
 * @param line a line in the file selecting one case, or null for the whole file
 */
record TestFileSelector(URI uri, String displayName, String classpathResource, Integer line)
        implements DiscoverySelector {

    /** The whole file. */
    static TestFileSelector of(URI uri, String displayName, String classpathResource) {
        return new TestFileSelector(TestFiles.normalize(uri), displayName, classpathResource, null);
    }

    /** The same file, without a line. */
    TestFileSelector withoutLine() {
        return line == null ? this : new TestFileSelector(uri, displayName, classpathResource, null);
    }

    /** The same file, with a line (null: whole file). */
    TestFileSelector atLine(Integer newLine) {
        return new TestFileSelector(uri, displayName, classpathResource, newLine);
    }
}
