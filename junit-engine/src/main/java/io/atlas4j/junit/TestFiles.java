package io.atlas4j.junit;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.testing.TestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a test file is, how its URI is spelled, and how its text is read. */
final class TestFiles {

    static final String SUFFIX = TestLoader.SUFFIX;

    private TestFiles() {
    }

    /** Whether a file or resource name is a test file's. */
    static boolean isTestFile(String name) {
        return name.endsWith(SUFFIX);
    }

    /**
     * One spelling per file, so that a file reached through a directory, a class-path root and a
     * {@code file:} URI gets one descriptor ({@code file:/x} and {@code file:///x} differ as URIs).
     */
    static URI normalize(URI uri) {
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri).toAbsolutePath().normalize().toUri();
        }
        return uri;
    }

    /** The last segment of a URI's path, the name Atlas prints in its messages. */
    static String baseName(URI uri) {
        String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        if (path == null) {
            return uri.toString();
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The resource name of a {@code classpath:/a/b.test.hcl} URI: {@code a/b.test.hcl}. */
    static String classpathResourceName(URI uri) {
        String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The text of a {@code file:}, {@code classpath:} or any other URL-readable URI, as UTF-8. */
    static String read(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Files.readString(Path.of(uri), StandardCharsets.UTF_8);
        }
        if ("classpath".equals(uri.getScheme())) {
            String name = classpathResourceName(uri);
            try (InputStream in = classLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("class path resource \"" + name + "\" was not found");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        try (InputStream in = uri.toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : TestFiles.class.getClassLoader();
    }

    /** An exception's message as users read it: the message, then its hint on its own line. */
    static String message(Atlas4jException e) {
        return e.hint() == null ? e.getMessage() : e.getMessage() + "\nhint: " + e.hint();
    }
}
