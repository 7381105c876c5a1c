package io.atlas4j.junit;

import io.atlas4j.source.SourceRange;
import java.io.File;
import java.net.URI;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/**
 * Test sources with positions, so IDEs jump to the {@code test} block.
 *
 * <p>JUnit has two {@code FilePosition} classes: selectors carry
 * {@code org.junit.platform.engine.discovery.FilePosition}, sources take
 * {@code org.junit.platform.engine.support.descriptor.FilePosition}. Both are converted here only.
 */
final class TestSources {

    private TestSources() {
    }

    /** The source of a whole file. */
    static TestSource of(TestFileSelector file) {
        return of(file, null);
    }

    /** The source of a position in a file (null: the whole file). */
    static TestSource of(TestFileSelector file, SourceRange at) {
        return of(file.uri(), file.classpathResource(), at);
    }

    /** The source of a position in any file, such as a project file. */
    static TestSource of(SourceRange at) {
        return of(at.uri(), null, at);
    }

    private static TestSource of(URI uri, String classpathResource, SourceRange at) {
        FilePosition position = at == null || at.line() < 1 ? null
                : at.column() > 0 ? FilePosition.from(at.line(), at.column()) : FilePosition.from(at.line());
        // Keep the kind of source the user selected by: IDEs map class-path resources back to their
        // source folders, and a plain file to itself.
        if (classpathResource != null) {
            return ClasspathResourceSource.from(classpathResource, position);
        }
        if ("file".equals(uri.getScheme())) {
            return FileSource.from(new File(uri), position);
        }
        if ("classpath".equals(uri.getScheme())) {
            return ClasspathResourceSource.from(TestFiles.classpathResourceName(uri), position);
        }
        return UriSource.from(uri);
    }

    /** The line of a selector's position, if it has one. */
    static Integer line(Optional<org.junit.platform.engine.discovery.FilePosition> position) {
        return position.map(org.junit.platform.engine.discovery.FilePosition::getLine).orElse(null);
    }
}
